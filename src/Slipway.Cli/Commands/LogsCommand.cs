using System.CommandLine;
using Slipway.Core.Runs;

namespace Slipway.Cli.Commands;

/// <summary><c>slipway logs RUN [--job NAME]</c>: prints the stored (already masked) logs of a run.</summary>
internal static class LogsCommand
{
    public static Command Create(CliConsole console)
    {
        var run = new Argument<long>("run") { Description = "The run id, as 'slipway runs' lists it." };
        var job = new Option<string?>("--job") { Description = "Only the job with this name (identifier or display name)." };
        var command = new Command("logs", "Print the logs of a recorded run.") { run, job };
        command.SetAction((parse, ct) => RunAsync(console, parse.GetValue(run), parse.GetValue(job), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, long runId, string? jobName, CancellationToken cancellationToken)
    {
        var directory = RunStoreLocation.For(console.WorkingDirectory);
        if (!File.Exists(Path.Combine(directory, "runs.db")))
        {
            await console.Error.WriteLineAsync($"slipway: no runs recorded in {directory}.").ConfigureAwait(false);
            return ExitCodes.Invalid;
        }

        await using var store = await RunStore.OpenAsync(directory, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        if (await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false) is null)
        {
            await console.Error.WriteLineAsync($"slipway: there is no run {runId}; 'slipway runs' lists them.").ConfigureAwait(false);
            return ExitCodes.Invalid;
        }

        var records = await store.GetRecordsAsync(runId, cancellationToken).ConfigureAwait(false);
        var jobs = records.Where(r => r.Kind == RecordKind.Job
            && (jobName is null || string.Equals(r.Identifier, jobName, StringComparison.OrdinalIgnoreCase)
                || string.Equals(r.DisplayName, jobName, StringComparison.OrdinalIgnoreCase))).ToList();
        if (jobName is not null && jobs.Count == 0)
        {
            var names = string.Join(", ", records.Where(r => r.Kind == RecordKind.Job).Select(r => r.Identifier));
            await console.Error.WriteLineAsync($"slipway: run {runId} has no job '{jobName}'. Its jobs: {names}.").ConfigureAwait(false);
            return ExitCodes.Invalid;
        }

        foreach (var job in jobs)
        {
            await console.Out.WriteLineAsync($"==> {job.DisplayName} ({job.Result?.ToString() ?? job.State.ToString()})").ConfigureAwait(false);
            foreach (var step in records.Where(r => r.ParentId == job.Id && r.LogPath is not null))
            {
                await console.Out.WriteLineAsync($"--- {step.DisplayName}").ConfigureAwait(false);
                var path = Path.Combine(store.Directory, step.LogPath!);
                if (File.Exists(path))
                {
                    await console.Out.WriteAsync(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                }
            }
        }

        return ExitCodes.Success;
    }
}
