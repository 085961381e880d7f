using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Services;
using Slipway.Core.Runtime.Steps;
using Slipway.Core.Runtime.Tasks.Archives;

namespace Slipway.Core.Runtime.Tasks.DotNet;

internal sealed partial class DotNetCoreCliHandler
{
    /// <summary><c>test</c>: with <c>publishTestResults</c> (true) adds <c>--logger trx --results-directory $(Agent.TempDirectory)</c>
    /// and publishes the TRX files it produced, even when tests failed.</summary>
    private static async Task<StepOutcome> TestAsync(StepContext context, IReadOnlyList<string?> projects, string workingDirectory, CancellationToken cancellationToken)
    {
        var publish = context.Inputs.GetBool("publishTestResults", true);
        var resultsDirectory = context.Variables.Get("Agent.TempDirectory") is { Length: > 0 } t ? t : context.Workspace.TempDirectory;
        var before = TrxFiles(resultsDirectory).ToHashSet(StringComparer.Ordinal);
        var failedProjects = new List<string>();
        int? lastExit = 0;
        foreach (var project in projects)
        {
            var args = CommonArguments(context, "test", project);
            if (publish)
            {
                args.AddRange(["--logger", "trx", "--results-directory", resultsDirectory]);
            }

            lastExit = await DotNetAsync(context, args, workingDirectory, cancellationToken).ConfigureAwait(false);
            if (lastExit is null)
            {
                return StepOutcome.Canceled;
            }

            if (lastExit != 0)
            {
                failedProjects.Add(project ?? workingDirectory);
            }
        }

        if (publish)
        {
            PublishTrx(context, [.. TrxFiles(resultsDirectory).Where(f => !before.Contains(f))]);
        }

        return failedProjects.Count == 0
            ? StepOutcome.Succeeded
            : StepOutcome.Failed($"Dotnet command failed with non-zero exit code on the following projects : {string.Join(", ", failedProjects)}", lastExit);
    }

    private static IEnumerable<string> TrxFiles(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.trx", SearchOption.TopDirectoryOnly) : [];

    private static void PublishTrx(StepContext context, IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            context.Log.Warning("No test result files were found.");
            return;
        }

        var title = context.Inputs.Get("testRunTitle") is { Length: > 0 } t ? t : null;
        var (summary, error) = context.Run.Services.TestResults.AddTestResults(new TestResultsRequest("VSTest", files, title ?? "dotnet test", context.Node.Identifier));
        if (summary is null)
        {
            context.Log.Warning(error!);
            return;
        }

        context.Log.Output($"Published test run '{summary.Title}': {summary.Total} total, {summary.Passed} passed, {summary.Failed} failed, {summary.Skipped} skipped.");
        context.Run.Events.OnEvent(new TestResultsPublished(context.Run.Time.GetUtcNow(), context.Node, summary));
    }

    /// <summary><c>pack</c>: <c>packDirectory</c> (alias <c>outputDir</c>, <c>$(Build.ArtifactStagingDirectory)</c>),
    /// <c>configuration</c> (alias <c>configurationToPack</c>), <c>nobuild</c>, <c>buildProperties</c>, <c>verbosityPack</c>.</summary>
    private static List<string> PackArguments(StepContext context, string? project)
    {
        var inputs = context.Inputs;
        List<string> args = ["pack"];
        if (project is not null)
        {
            args.Add(project);
        }

        args.AddRange(["--output", TaskPaths.Resolve(context, inputs.Get("packDirectory", context.Workspace.ArtifactStagingDirectory))]);
        if (inputs.Get("configuration") is { Length: > 0 } configuration && !configuration.StartsWith("$(", StringComparison.Ordinal))
        {
            args.Add("/p:Configuration=" + configuration);
        }

        if (inputs.GetBool("nobuild", false))
        {
            args.Add("--no-build");
        }

        foreach (var property in (inputs.Get("buildProperties") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            args.Add("/p:" + property);
        }

        if (inputs.Get("verbosityPack") is { Length: > 0 } verbosity && !verbosity.Equals("-", StringComparison.Ordinal))
        {
            args.AddRange(["--verbosity", verbosity]);
        }

        return args;
    }

    /// <summary><c>publish</c>: with an <c>--output</c>/<c>-o</c> argument, <c>modifyOutputPath</c> (true) gives each project
    /// its own folder <c>output/&lt;project&gt;</c>, and <c>zipAfterPublish</c> (true) zips that folder to
    /// <c>&lt;folder&gt;.zip</c> and removes the folder.</summary>
    private static async Task<StepOutcome> PublishAsync(StepContext context, IReadOnlyList<string?> projects, string workingDirectory, CancellationToken cancellationToken)
    {
        var inputs = context.Inputs;
        var zip = inputs.GetBool("zipAfterPublish", true);
        var modify = inputs.GetBool("modifyOutputPath", true);
        foreach (var project in projects)
        {
            var args = CommonArguments(context, "publish", project);
            var index = args.FindIndex(a => a is "-o" or "--output");
            string? output = null;
            if (index >= 0 && index + 1 < args.Count)
            {
                output = Path.GetFullPath(Path.Combine(workingDirectory, args[index + 1]));
                if (modify && project is not null)
                {
                    output = Path.Combine(output, Path.GetFileNameWithoutExtension(project));
                }

                args[index + 1] = output;
            }

            var exit = await DotNetAsync(context, args, workingDirectory, cancellationToken).ConfigureAwait(false);
            if (exit is null)
            {
                return StepOutcome.Canceled;
            }

            if (exit != 0)
            {
                return StepOutcome.Failed($"Dotnet command failed with non-zero exit code on the following projects : {project ?? workingDirectory}", exit);
            }

            if (zip && output is not null && Directory.Exists(output))
            {
                Archiver.Create(output, includeRootFolder: false, ArchiveFormat.Zip, output + ".zip");
                Directory.Delete(output, recursive: true);
                context.Log.Output($"Zipped the published output to {output}.zip");
            }
        }

        return StepOutcome.Succeeded;
    }
}
