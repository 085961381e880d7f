using System.Diagnostics;
using System.Globalization;
using Slipway.Core.Execution.Processes;
using static Slipway.Core.Tests.Execution.Processes.ProcessTestHelpers;

namespace Slipway.Core.Tests.Execution.Processes;

/// <summary>
/// The posix_spawn start (Linux): each child leads a new session and group, sees no blocked signals
/// and none of our pipes, and its exit status is ours alone even while System.Diagnostics.Process
/// starts and reaps children of its own at the same time.
/// </summary>
public sealed class SpawnedProcessTests
{
    [Fact]
    public void PROC_Spawn_IsUsedOnLinux()
    {
        Assert.Equal(OperatingSystem.IsLinux(), ChildProcessStarter.UsesPosixSpawn);
    }

    [Fact]
    public async Task PROC_Spawn_ChildLeadsItsOwnSessionAndProcessGroup()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var (result, lines) = await RunAsync(Bash("cat /proc/$$/stat"));

        Assert.True(result.Succeeded);
        var fields = lines.Single().Text.Split(") ")[1].Split(' ');
        var (group, session) = (int.Parse(fields[2], CultureInfo.InvariantCulture), int.Parse(fields[3], CultureInfo.InvariantCulture));
        Assert.Equal(result.ProcessGroupId, group);
        Assert.Equal(group, session);
        Assert.NotEqual(Environment.ProcessId, session);
    }

    [Fact]
    public async Task PROC_Spawn_NoSignalIsBlockedAndOnlyTheStandardDescriptorsAreOpen()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        const string Script = "grep SigBlk /proc/self/status; exec ls -l /proc/self/fd";
        var (result, lines) = await RunAsync(Bash(Script));

        Assert.True(result.Succeeded);
        Assert.Equal("SigBlk:\t0000000000000000", lines[0].Text);

        // stdin is /dev/null, stdout and stderr are our pipes, and nothing else is open beyond what
        // Process.Start itself passes down from the host: no pipe of ours (nor of a parallel step) leaked.
        var spawned = Descriptors(lines.Skip(1).Select(l => l.Text));
        Assert.Equal("/dev/null", spawned["0"]);
        Assert.StartsWith("pipe:", spawned["1"], StringComparison.Ordinal);
        Assert.StartsWith("pipe:", spawned["2"], StringComparison.Ordinal);
        var psi = new ProcessStartInfo("bash", ["-c", Script]) { RedirectStandardOutput = true };
        using var reference = Process.Start(psi)!;
        var inherited = Descriptors((await reference.StandardOutput.ReadToEndAsync()).Split('\n').Skip(1));
        Assert.Empty(spawned.Keys.Except(inherited.Keys));
    }

    [Fact]
    public async Task PROC_Spawn_SignalDispositionsAreThoseProcessStartLeaves()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // The hosted runners start steps with Process.Start, which keeps SIGPIPE ignored (the runtime ignores
        // it) and resets every handled signal, glibc's own two included: a step sees exactly that.
        const string Script = "grep -E 'Sig(Ign|Cgt)' /proc/self/status";
        var (result, lines) = await RunAsync(Bash(Script));
        var psi = new ProcessStartInfo("bash", ["-c", Script]) { RedirectStandardOutput = true };
        using var reference = Process.Start(psi)!;
        var expected = (await reference.StandardOutput.ReadToEndAsync()).TrimEnd('\n').Split('\n');

        Assert.True(result.Succeeded);
        Assert.Equal(expected, lines.Select(l => l.Text));
    }

    [Fact]
    public async Task PROC_Spawn_AWriterWhoseReaderIsGoneGetsEpipeAsOnTheHostedRunners()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // SIGPIPE is ignored on the runners (actions/runner#2684): `yes | head -1` ends with a "Broken pipe"
        // message from yes and status 1, not a silent 141.
        var (result, lines) = await RunAsync(Bash("yes | head -1; echo \"${PIPESTATUS[*]}\""));

        Assert.True(result.Succeeded);
        Assert.Contains(lines, l => l.Text == "y");
        Assert.Contains(lines, l => l.Text == "1 0");
        Assert.Contains(lines, l => l.Text.Contains("Broken pipe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PROC_Spawn_MergedStandardError_IsOnePipe_InTheOrderWritten_WithStdinStillNull()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        const string Script = "for i in 1 2 3; do echo out$i; echo err$i >&2; done; readlink /proc/self/fd/0 /proc/self/fd/1 /proc/self/fd/2";
        var (result, lines) = await RunAsync(Bash(Script) with { MergeStandardError = true });

        Assert.True(result.Succeeded);
        Assert.Equal(["out1", "err1", "out2", "err2", "out3", "err3"], lines.Take(6).Select(l => l.Text));
        Assert.All(lines, l => Assert.Equal(OutputStream.StandardOutput, l.Stream));
        var (stdin, stdout, stderr) = (lines[6].Text, lines[7].Text, lines[8].Text);
        Assert.Equal("/dev/null", stdin);
        Assert.StartsWith("pipe:", stdout, StringComparison.Ordinal);
        Assert.Equal(stdout, stderr);

        // Without the option: two pipes, each line tagged with its stream.
        var (_, separate) = await RunAsync(Bash("echo out; echo err >&2; readlink /proc/self/fd/1 /proc/self/fd/2"));
        Assert.Equal(OutputStream.StandardError, separate.Single(l => l.Text == "err").Stream);
        var pipes = separate.Where(l => l.Text.StartsWith("pipe:", StringComparison.Ordinal)).Select(l => l.Text).ToList();
        Assert.Equal(2, pipes.Distinct().Count());
    }

    private static Dictionary<string, string> Descriptors(IEnumerable<string> lsLines) =>
        lsLines.Where(t => t.Contains(" -> ", StringComparison.Ordinal))
            .Select(t => t[(t.LastIndexOf(' ', t.IndexOf(" -> ", StringComparison.Ordinal) - 1) + 1)..].Split(" -> "))
            .ToDictionary(p => p[0], p => p[1]);

    [Theory]
    [InlineData("exit 42", 42)]
    [InlineData("kill -TERM $$", 128 + 15)]
    [InlineData("kill -KILL $$", 128 + 9)]
    public async Task PROC_ExitCode_IsTheStatusOr128PlusTheSignal(string script, int expected)
    {
        var (result, _) = await RunAsync(Bash(script));

        Assert.Equal(expected, result.ExitCode);
    }

    [Fact]
    public async Task PROC_Spawn_ExitStatusesSurviveProcessStartReapingItsOwnChildren()
    {
        var spawned = Enumerable.Range(1, 24).Select(async i =>
        {
            var (result, _) = await RunAsync(Bash($"sleep 0.0{i % 10}; exit {i}"));
            return (Expected: i, Actual: result.ExitCode);
        });
        var dotnet = Enumerable.Range(1, 12).Select(async i =>
        {
            using var process = Process.Start(new ProcessStartInfo("bash", ["-c", $"exit {100 + i}"]))!;
            await process.WaitForExitAsync();
            return (Expected: 100 + i, Actual: process.ExitCode);
        });

        var all = await Task.WhenAll(spawned.Concat(dotnet));

        Assert.All(all, r => Assert.Equal(r.Expected, r.Actual));
    }

    [Fact]
    public async Task PROC_Spawn_OneReaperThreadCollectsEveryExit_NoThreadPerChild()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => RunAsync(Bash($"exit {i}"))));

        Assert.Equal(Enumerable.Range(1, 8), results.Select(r => r.Result.ExitCode));
        var threads = Directory.EnumerateDirectories("/proc/self/task").Select(Comm).OfType<string>().ToList();
        Assert.Contains("slipway reaper", threads);
        Assert.DoesNotContain("slipway child w", threads);

        // A thread may end between the listing and the read.
        static string? Comm(string task)
        {
            try
            {
                return File.ReadAllText(Path.Combine(task, "comm")).Trim();
            }
            catch (IOException)
            {
                return null;
            }
        }
    }
}
