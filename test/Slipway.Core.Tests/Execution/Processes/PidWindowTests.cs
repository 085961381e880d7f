using Slipway.Core.Execution.Processes;

namespace Slipway.Core.Tests.Execution.Processes;

/// <summary>Which pids the leftover scan reads: those allocated after the job's first process (Linux
/// allocates pids upwards and wraps at pid_max, proc(5) /proc/sys/kernel/pid_max and /proc/loadavg).</summary>
public sealed class PidWindowTests
{
    [Theory]
    [InlineData(1000, 5000, 999, false)]
    [InlineData(1000, 5000, 1000, false)]
    [InlineData(1000, 5000, 1001, true)]
    [InlineData(1000, 5000, 5000, true)]
    [InlineData(1000, 5000, 5001, true)] // started while the scan runs
    public void PidWindow_WithoutWrap_HoldsOnlyNewerPids(int after, int newest, int pid, bool expected)
    {
        Assert.Equal(expected, new PidWindow(after, newest).Contains(pid));
    }

    [Theory]
    [InlineData(30000, 200, 30001, true)]
    [InlineData(30000, 200, 150, true)]
    [InlineData(30000, 200, 200, true)]
    [InlineData(30000, 200, 201, false)]
    [InlineData(30000, 200, 29999, false)]
    public void PidWindow_AfterWrap_HoldsTheTopAndTheNewBottom(int after, int newest, int pid, bool expected)
    {
        Assert.Equal(expected, new PidWindow(after, newest).Contains(pid));
    }

    [Fact]
    public void PidWindow_Since_ReadsTheLastAllocatedPid()
    {
        if (!File.Exists("/proc/loadavg"))
        {
            return;
        }

        var window = PidWindow.Since(Environment.ProcessId);

        // This process is older than anything the kernel allocated since, and the newest pid is at least ours.
        Assert.False(window.Contains(Environment.ProcessId));
        Assert.NotEqual(int.MaxValue, window.Newest);
    }

    private static async Task<string?> CommAsync(int pid)
    {
        try
        {
            return (await File.ReadAllTextAsync($"/proc/{pid}/comm")).Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    [Fact]
    public async Task PROC_KillTracked_StartedAfter_StillFindsADaemonThatLeftTheGroup()
    {
        var id = ProcessTracking.NewId();
        var spec = ProcessTestHelpers.Bash("setsid sleep 1000 >/dev/null 2>&1 < /dev/null & echo $!") with { TrackingId = id, KeepBackgroundProcesses = true };
        var (result, lines) = await ProcessTestHelpers.RunAsync(spec);

        Assert.True(result.Succeeded);
        var daemon = int.Parse(lines.Single().Text, System.Globalization.CultureInfo.InvariantCulture);
        // While a process execs, the kernel shows an empty environment for a moment (no scan can see the
        // id then); the daemon here execs twice (setsid, then sleep), so wait until it is sleep.
        for (var i = 0; i < 200 && await CommAsync(daemon) != "sleep"; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(1, ProcessTracking.KillTracked(id, startedAfter: result.ProcessGroupId!.Value - 1));
        Assert.True(await ProcessTestHelpers.DiesWithinAsync(daemon, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task PROC_KillTracked_SkipsAProcessStartedForAnotherJob_UntilItHasEnded()
    {
        // The scan trusts what this process recorded when it started a step (another job's id): it does not read
        // that process's environment. Once the process is recorded as ended, its pid is read again like any other.
        var id = ProcessTracking.NewId();
        var spec = ProcessTestHelpers.Bash("setsid sleep 1000 >/dev/null 2>&1 < /dev/null & echo $!") with { TrackingId = id, KeepBackgroundProcesses = true };
        var (result, lines) = await ProcessTestHelpers.RunAsync(spec);
        var daemon = int.Parse(lines.Single().Text, System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 200 && await CommAsync(daemon) != "sleep"; i++)
        {
            await Task.Delay(10);
        }

        ProcessTracking.Started(daemon, ProcessTracking.NewId());
        try
        {
            Assert.Equal(0, ProcessTracking.KillTracked(id, startedAfter: result.ProcessGroupId!.Value - 1));
            Assert.Equal("sleep", await CommAsync(daemon));
        }
        finally
        {
            ProcessTracking.Ended(daemon);
        }

        Assert.Equal(1, ProcessTracking.KillTracked(id, startedAfter: result.ProcessGroupId!.Value - 1));
        Assert.True(await ProcessTestHelpers.DiesWithinAsync(daemon, TimeSpan.FromSeconds(10)));
    }
}
