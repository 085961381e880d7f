using Slipway.Core.Execution.Processes;

namespace Slipway.Core.Tests.Execution.Processes;

internal static class ProcessTestHelpers
{
    public static readonly Dictionary<string, string> MinimalEnvironment = new()
    {
        ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
        ["LANG"] = "C.UTF-8",
    };

    public static ProcessSpec Bash(string script, string? workingDirectory = null) => new()
    {
        FileName = "bash",
        Arguments = ["-c", script],
        WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        Environment = MinimalEnvironment,
    };

    public static async Task<(ProcessResult Result, List<OutputLine> Lines)> RunAsync(
        ProcessSpec spec, Action<OutputLine>? onLine = null, CancellationToken cancellationToken = default)
    {
        var lines = new List<OutputLine>();
        var runner = new ProcessRunner(TimeProvider.System);
        var result = await runner.RunAsync(
            spec,
            line =>
            {
                lines.Add(line);
                onLine?.Invoke(line);
                return ValueTask.CompletedTask;
            },
            cancellationToken);
        return (result, lines);
    }

    /// <summary>True while the process exists and is not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 2)..][0];
            return state != 'Z' && state != 'X';
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static async Task<bool> DiesWithinAsync(int pid, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until)
        {
            if (!IsAlive(pid))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return !IsAlive(pid);
    }
}
