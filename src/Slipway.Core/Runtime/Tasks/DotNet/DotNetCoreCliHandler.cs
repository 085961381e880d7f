using Slipway.Core.Runtime.Steps;
using Slipway.Core.Runtime.Tasks.Files;

namespace Slipway.Core.Runtime.Tasks.DotNet;

/// <summary>
/// <c>DotNetCoreCLI@2</c> running the real <c>dotnet</c>: <c>command</c> (build by default; restore, build, test,
/// pack, publish, push to a local folder feed, run, custom with <c>custom</c>), <c>projects</c> (pattern lines; empty runs in the working
/// directory), <c>arguments</c>, <c>workingDirectory</c>. Each matched project is one <c>dotnet</c> call;
/// the step fails at the first non-zero exit (test runs every project first). Command specifics are in
/// the partial files (test results, pack, publish).
/// </summary>
internal sealed partial class DotNetCoreCliHandler : IStepHandler
{
    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var inputs = context.Inputs;
        var command = inputs.Get("command", "build").Trim().ToLowerInvariant();
        if (command == "custom" && TaskPaths.Required(context, "custom", out var failure) is null)
        {
            return failure!;
        }

        var workingDirectory = inputs.Get("workingDirectory") is { Length: > 0 } w ? TaskPaths.Resolve(context, w) : TaskPaths.DefaultWorkingDirectory(context);
        if (command == "push")
        {
            return await PushAsync(context, workingDirectory, cancellationToken).ConfigureAwait(false);
        }

        var (projects, error) = Projects(context, command);
        if (error is not null)
        {
            return StepOutcome.Failed(error);
        }

        return command switch
        {
            "test" => await TestAsync(context, projects, workingDirectory, cancellationToken).ConfigureAwait(false),
            "pack" => await RunEachAsync(context, projects, workingDirectory, p => PackArguments(context, p), cancellationToken).ConfigureAwait(false),
            "publish" => await PublishAsync(context, projects, workingDirectory, cancellationToken).ConfigureAwait(false),
            _ => await RunEachAsync(context, projects, workingDirectory, p => CommonArguments(context, command, p), cancellationToken).ConfigureAwait(false),
        };
    }

    private static List<string> CommonArguments(StepContext context, string command, string? project)
    {
        var inputs = context.Inputs;
        List<string> args = [command == "custom" ? inputs.Get("custom")!.Trim() : command];
        if (project is not null)
        {
            args.Add(project);
        }

        if (command == "restore")
        {
            args.AddRange(CommandLineSplitter.Split(inputs.Get("restoreArguments")));
            if (inputs.Get("verbosityRestore") is { Length: > 0 } verbosity && !verbosity.Equals("-", StringComparison.Ordinal))
            {
                args.AddRange(["--verbosity", verbosity]);
            }
        }
        else
        {
            args.AddRange(CommandLineSplitter.Split(inputs.Get("arguments")));
        }

        return args;
    }

    private static (IReadOnlyList<string?> Projects, string? Error) Projects(StepContext context, string command)
    {
        var inputs = context.Inputs;
        var root = TaskPaths.DefaultWorkingDirectory(context);
        if (command == "publish" && inputs.GetBool("publishWebProjects", true))
        {
            var web = FileMatcher.MatchFiles(root, ["**/*.csproj", "**/*.vbproj", "**/*.fsproj"]).Where(IsWebProject).ToList();
            return web.Count == 0 ? ([], "No web project was found in the repository. Set publishWebProjects: false and give projects.") : ([.. web], null);
        }

        var text = command == "pack" ? inputs.Get("packagesToPack", "**/*.csproj") : inputs.Get("projects");
        var patterns = TaskPaths.Lines(text);
        if (patterns.Count == 0)
        {
            return ([null], null);
        }

        var matched = FileMatcher.MatchFiles(root, patterns);
        return matched.Count == 0
            ? ([], $"Project file(s) matching the specified pattern were not found: {string.Join(", ", patterns)} (searched {root}).")
            : ([.. matched], null);
    }

    private static bool IsWebProject(string project)
    {
        var folder = Path.GetDirectoryName(project)!;
        return File.Exists(Path.Combine(folder, "web.config")) || Directory.Exists(Path.Combine(folder, "wwwroot"))
            || File.ReadAllText(project).Contains("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<StepOutcome> RunEachAsync(
        StepContext context, IReadOnlyList<string?> projects, string workingDirectory, Func<string?, List<string>> arguments, CancellationToken cancellationToken)
    {
        foreach (var project in projects)
        {
            var exit = await DotNetAsync(context, arguments(project), workingDirectory, cancellationToken).ConfigureAwait(false);
            if (exit is null)
            {
                return StepOutcome.Canceled;
            }

            if (exit != 0)
            {
                return StepOutcome.Failed($"Dotnet command failed with non-zero exit code on the following projects : {project ?? workingDirectory}", exit);
            }
        }

        return StepOutcome.Succeeded;
    }

    /// <summary>Runs <c>dotnet</c>; the exit code, or null when canceled.</summary>
    private static async Task<int?> DotNetAsync(StepContext context, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var request = new StepProcessRequest { FileName = "dotnet", Arguments = arguments, WorkingDirectory = workingDirectory };
        context.Log.Command("dotnet " + string.Join(' ', arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a)));
        var result = await context.Processes.RunAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.Process.StartError is { } startError)
        {
            context.Log.Error(startError);
            return -1;
        }

        return result.Process.Canceled || result.Process.TimedOut ? null : result.ExitCode;
    }
}
