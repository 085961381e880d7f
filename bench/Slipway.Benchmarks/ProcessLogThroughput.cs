using System.Diagnostics;
using System.Globalization;
using Slipway.Core.Execution.Output;
using Slipway.Core.Execution.Processes;
using Slipway.Core.Masking;

namespace Slipway.Benchmarks;

/// <summary>
/// Whole-path measurement for bench/scripts/log-throughput.sh: a real bash child printing N lines,
/// read by <see cref="ProcessRunner"/>, run through <see cref="AzureStepOutput"/> (logging commands), masked with 50 secrets
/// and written to a buffered log file. Prints one line of key=value results.
/// Usage: --log-throughput [lines] [log file] [secrets]
/// </summary>
internal static class ProcessLogThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var lines = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var logPath = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "slipway-log-throughput.log");
        var secrets = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;

        var masker = SecretMasker.ForGitHubActions(); // the heavier preset: each secret adds its encoded forms
        for (var i = 0; i < secrets; i++)
        {
            masker.AddValue($"s3cr\"t&{i:D2}<{Guid.NewGuid():N}> 'x'");
        }

        using var file = FileLogSink.Create(logPath);
        var log = new StepLog(masker, [file]);
        var spec = new ProcessSpec
        {
            FileName = "bash",
            Arguments = ["-c", $"seq 1 {lines}"],
            WorkingDirectory = Path.GetTempPath(),
            Environment = new Dictionary<string, string> { ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin" },
        };

        var commands = 0;
        var output = new AzureStepOutput(log, masker, _ => commands++);
        var watch = Stopwatch.StartNew();
        var result = await new ProcessRunner(TimeProvider.System).RunAsync(spec, output.OnLineAsync, CancellationToken.None);
        log.Flush();
        watch.Stop();

        var perSecond = log.LinesWritten / watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lines={log.LinesWritten} secrets={secrets} patterns={masker.PatternCount} exit={result.ExitCode} commands={commands} seconds={watch.Elapsed.TotalSeconds:F3} lines_per_s={perSecond:F0}"));
        return log.LinesWritten == lines && result.ExitCode == 0 && log.Problems.Count == 0 ? 0 : 1;
    }
}
