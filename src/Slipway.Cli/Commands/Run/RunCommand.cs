using System.CommandLine;
using Slipway.Cli.Commands.Run;
using Slipway.Core.Pipelines.Azure;
using Slipway.Core.Runs;
using Slipway.Core.Runtime;

namespace Slipway.Cli.Commands;

/// <summary>
/// <c>slipway run [FILE] ...</c>: compiles the pipeline (invalid → diagnostics, exit 2), runs it on
/// this machine, records it under <c>.slipway/</c>; exit 0 when it succeeded (with or without
/// issues), 1 when it failed or was canceled.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new PipelineInput();
        var options = new RunCommandOptions();
        var command = new Command("run", "Run a pipeline on this machine, with Azure Pipelines' runtime semantics.");
        input.AddTo(command, withValues: true);
        options.AddTo(command);
        command.SetAction((parse, _) => RunAsync(parse, input, options, console));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, PipelineInput input, RunCommandOptions cli, CliConsole console)
    {
        var compiled = input.Compile(parse, console, parse.GetValue(cli.TaskDirectories));
        if (compiled is null || compiled.Failed)
        {
            return ExitCodes.Invalid;
        }

        // 'validate' lets a task it does not know pass with a warning (extensions provide tasks);
        // a run cannot start without something that runs it.
        var missing = compiled.Result.Diagnostics.Where(d => d.Code == Core.Pipelines.Azure.AzureDiagnosticCodes.UnknownTask).ToList();
        if (missing.Count > 0)
        {
            console.Report(missing.Select(d => Core.Diagnostics.Diagnostic.Error(Core.Runtime.RuntimeDiagnosticCodes.UnknownTask,
                "The run cannot start: " + d.Message, d.Location)));
            return ExitCodes.Invalid;
        }

        var runOptions = CreateOptions(parse, input, cli, console, compiled);
        if (runOptions is null)
        {
            return ExitCodes.Invalid;
        }

        var plan = compiled.Result.Plan!;
        var unmatched = new Core.Runtime.Orchestration.Selection(plan, runOptions).Unmatched().ToList();
        if (unmatched.Count > 0)
        {
            console.Error.WriteLine($"slipway: nothing in the pipeline matches {string.Join(", ", unmatched)}.");
            return ExitCodes.Invalid;
        }

        var json = string.Equals(parse.GetValue(cli.Output), "json", StringComparison.OrdinalIgnoreCase);
        var sink = RunViews.Create(new RunViewOptions(json, parse.GetValue(cli.Report), runOptions.Debug, console.WorkingDirectory) { Plain = parse.GetValue(cli.Plain) }, console, out var flush);
        using var keys = new CancelKeys(console.Error);
        var result = await LocalRun.RunAsync(new LocalRunRequest(plan, compiled.Pipeline.DisplayPath, runOptions), sink, TimeProvider.System, keys.Cancel, keys.Kill).ConfigureAwait(false);
        flush();
        return result.Result is RunResult.Succeeded or RunResult.SucceededWithIssues ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static RunOptions? CreateOptions(ParseResult parse, PipelineInput input, RunCommandOptions cli, CliConsole console, Compiled compiled)
    {
        var secrets = new List<KeyValuePair<string, string>>();
        if (parse.GetValue(cli.SecretsFile) is { } file)
        {
            var (fromFile, error) = SecretsFile.Read(Path.GetFullPath(file, console.WorkingDirectory));
            if (error is not null)
            {
                console.Error.WriteLine("slipway: " + error);
                return null;
            }

            secrets.AddRange(fromFile);
        }

        if (!PipelineInput.TryPairs(parse.GetValue(cli.Secrets), "--secret", console, out var given)
            || !PipelineInput.TryPairs(parse.GetValue(input.Repos), "--repo", console, out var repos))
        {
            return null;
        }

        secrets.AddRange(given);

        var root = RepositoryRoot.Find(compiled.Pipeline.FullPath);
        return new RunOptions
        {
            RepositoryRoot = root,
            Parallel = parse.GetValue(cli.Parallel) is > 0 and var n ? n : Environment.ProcessorCount,
            Stages = parse.GetValue(cli.Stages) ?? [],
            Jobs = parse.GetValue(cli.Jobs) ?? [],
            Secrets = secrets,
            RepositoryPaths = repos.ToDictionary(r => r.Key, r => Path.GetFullPath(r.Value, console.WorkingDirectory), StringComparer.OrdinalIgnoreCase),
            Dirty = parse.GetValue(cli.Dirty),
            Debug = parse.GetValue(cli.Debug),
            TaskDirectories = [.. (parse.GetValue(cli.TaskDirectories) ?? []).Select(d => Path.GetFullPath(d, console.WorkingDirectory))],
            ActionsDirectory = parse.GetValue(cli.ActionsDirectory) is { Length: > 0 } actions ? Path.GetFullPath(actions, console.WorkingDirectory) : null,
            BaseEnvironment = Core.Runtime.Jobs.StepEnvironment.MachineEnvironment(),
        };
    }
}
