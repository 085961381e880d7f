using System.CommandLine;
using Slipway.Cli.Commands.Run;
using Slipway.Core.Masking;
using Slipway.Core.Pipelines.Azure;
using Slipway.Core.Runs;
using Slipway.Core.Runtime;
using Slipway.Core.Runtime.Workspace;

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
        var command = new Command("run", "Run a pipeline (Azure Pipelines) or GitHub workflow on this machine, with the runtime semantics of its syntax.");
        input.AddTo(command, withValues: true);
        options.AddTo(command);
        command.SetAction((parse, _) => RunAsync(parse, input, options, console));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, PipelineInput input, RunCommandOptions cli, CliConsole console)
    {
        RunWarmup.Start();
        if (await GitHubRun.TryRunAsync(parse, input, cli, console).ConfigureAwait(false) is { } exit)
        {
            return exit;
        }

        // git's repository facts depend only on the folder: they are read while the pipeline compiles.
        var repositoryRead = input.Locate(parse) is { Syntax: PipelineFileSyntax.AzurePipelines } located
            ? Task.Run(() => RuntimeComposition.CreateRepositoryInfo().Read(RepositoryRoot.Find(located.FullPath)))
            : null;
        try
        {
            return await CompileAndRunAsync(parse, input, cli, console, repositoryRead).ConfigureAwait(false);
        }
        finally
        {
            if (repositoryRead is not null)
            {
                await repositoryRead.ConfigureAwait(false); // no git process outlives the command
            }
        }
    }

    private static async Task<int> CompileAndRunAsync(ParseResult parse, PipelineInput input, RunCommandOptions cli, CliConsole console, Task<RepositoryInfo>? repositoryRead)
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

        var masker = LocalRun.CreateMasker(plan, runOptions);
        var result = await WithViewsAsync(parse, cli, console, masker, (sink, keys) =>
            LocalRun.RunAsync(new LocalRunRequest(plan, compiled.Pipeline.DisplayPath, runOptions) { Masker = masker, Repository = repositoryRead }, sink, TimeProvider.System, keys.Cancel, keys.Kill)).ConfigureAwait(false);
        return result.Result is RunResult.Succeeded or RunResult.SucceededWithIssues ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>Runs with the views the user asked for (live, plain, JSON, report) and Ctrl-C handling; shared by both syntaxes.</summary>
    /// <param name="collect">Takes the finished report instead of writing it (a command that writes one report for several runs).</param>
    internal static async Task<LocalRunResult> WithViewsAsync(
        ParseResult parse, RunCommandOptions cli, CliConsole console, SecretMasker masker, Func<Core.Runtime.Events.IRunEventSink, CancelKeys, Task<LocalRunResult>> run,
        Action<Core.Runtime.Reporting.RunReport>? collect = null)
    {
        var json = string.Equals(parse.GetValue(cli.Output), "json", StringComparison.OrdinalIgnoreCase);
        var options = new RunViewOptions(json, parse.GetValue(cli.Report), parse.GetValue(cli.Debug), console.WorkingDirectory) { Plain = parse.GetValue(cli.Plain), Collect = collect };
        var sink = RunViews.Create(options, console, out var flush, masker.Mask);
        using var keys = new CancelKeys(console.Error);
        var result = await run(sink, keys).ConfigureAwait(false);
        flush();
        return result;
    }

    /// <summary><c>--secrets-file</c> then <c>--secret</c> values; null (after saying why) when one is malformed.</summary>
    internal static List<KeyValuePair<string, string>>? ReadSecrets(ParseResult parse, RunCommandOptions cli, CliConsole console)
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

        if (!PipelineInput.TryPairs(parse.GetValue(cli.Secrets), "--secret", console, out var given))
        {
            return null;
        }

        secrets.AddRange(given);
        return secrets;
    }

    private static RunOptions? CreateOptions(ParseResult parse, PipelineInput input, RunCommandOptions cli, CliConsole console, Compiled compiled)
    {
        if (ReadSecrets(parse, cli, console) is not { } secrets
            || !PipelineInput.TryPairs(parse.GetValue(input.Repos), "--repo", console, out var repos))
        {
            return null;
        }

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
            BaseEnvironment = Core.Runtime.Jobs.StepEnvironment.MachineEnvironment(),
        };
    }
}
