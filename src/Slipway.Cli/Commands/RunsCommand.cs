using System.CommandLine;
using System.Globalization;
using Slipway.Core.Runs;

namespace Slipway.Cli.Commands;

/// <summary><c>slipway runs</c>: the recorded runs of this repository, newest first.</summary>
internal static class RunsCommand
{
    public static Command Create(CliConsole console)
    {
        var limit = new Option<int>("--limit", "-n") { Description = "How many runs to list.", DefaultValueFactory = _ => 20 };
        var command = new Command("runs", "List the recorded runs of this repository (newest first).") { limit };
        command.SetAction((parse, ct) => RunAsync(console, parse.GetValue(limit), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, int limit, CancellationToken cancellationToken)
    {
        var directory = RunStoreLocation.For(console.WorkingDirectory);
        if (!File.Exists(Path.Combine(directory, "runs.db")))
        {
            await console.Out.WriteLineAsync($"No runs recorded yet in {directory}.").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        await using var store = await RunStore.OpenAsync(directory, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        var runs = await store.ListRunsAsync(Math.Max(1, limit), cancellationToken).ConfigureAwait(false);
        await console.Out.WriteLineAsync($"{"RUN",-6} {"RESULT",-20} {"SYNTAX",-16} {"STARTED (UTC)",-20} {"DURATION",-9} PIPELINE").ConfigureAwait(false);
        foreach (var run in runs)
        {
            var result = run.State == RunState.Completed ? run.Result?.ToString() ?? "-" : run.State.ToString();
            var duration = run.FinishedAt is { } end ? FormatDuration(end - run.StartedAt) : "-";
            var started = run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            await console.Out.WriteLineAsync($"{run.Id,-6} {result,-20} {run.Start.Syntax,-16} {started,-20} {duration,-9} {run.Start.PipelinePath}").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    internal static string FormatDuration(TimeSpan span) =>
        span.TotalHours >= 1 ? span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : span.TotalMinutes >= 1 ? span.ToString(@"m\:ss", CultureInfo.InvariantCulture) + "m"
        : span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";
}
