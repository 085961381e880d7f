using System.Globalization;
using Slipway.Core.Execution.Processes;
using static Slipway.Core.Tests.Execution.Processes.ProcessTestHelpers;

namespace Slipway.Core.Tests.Execution.Processes;

/// <summary>Timeouts and cancellation must stop the whole tree: no orphans ever.</summary>
public sealed class ProcessTreeTests
{
    private const string GrandchildScript = "sleep 1000 & echo \"bg $!\"; sleep 1000";

    [Fact]
    public async Task PROC_Timeout_KillsTheGrandchild()
    {
        var spec = Bash(GrandchildScript) with { Timeout = TimeSpan.FromMilliseconds(500), CancelGracePeriod = TimeSpan.FromSeconds(1) };

        var (result, lines) = await RunAsync(spec);

        Assert.True(result.TimedOut);
        Assert.False(result.Canceled);
        Assert.True(await DiesWithinAsync(BackgroundPid(lines), TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task PROC_Cancel_KillsTheGrandchild()
    {
        using var cts = new CancellationTokenSource();
        var spec = Bash(GrandchildScript) with { CancelGracePeriod = TimeSpan.FromSeconds(1) };

        var (result, lines) = await RunAsync(spec, line =>
        {
            if (line.Text.StartsWith("bg ", StringComparison.Ordinal))
            {
                cts.Cancel();
            }
        }, cts.Token);

        Assert.True(result.Canceled);
        Assert.False(result.TimedOut);
        Assert.True(await DiesWithinAsync(BackgroundPid(lines), TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task PROC_Cancel_ProcessIgnoringSignals_IsKilledAfterTheGracePeriod()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var spec = Bash("trap '' INT TERM; echo ready; while true; do sleep 0.1; done") with { CancelGracePeriod = TimeSpan.FromMilliseconds(600) };

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (result, _) = await RunAsync(spec, cancellationToken: cts.Token);

        Assert.True(result.Canceled);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task PROC_Cancel_ScriptHandlingSigint_CanCleanUp()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));
        var spec = Bash("trap 'echo cleanup; exit 7' INT; echo ready; while true; do sleep 0.1; done") with { CancelGracePeriod = TimeSpan.FromSeconds(4) };

        var (result, lines) = await RunAsync(spec, cancellationToken: cts.Token);

        Assert.True(result.Canceled);
        Assert.Equal(7, result.ExitCode);
        Assert.Contains(lines, l => l.Text == "cleanup");
    }

    [Fact]
    public async Task PROC_MainExit_BackgroundProcessesAreKilledByDefault()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (result, lines) = await RunAsync(Bash("sleep 1000 & echo \"bg $!\"; exit 0"));

        Assert.Equal(0, result.ExitCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
        Assert.True(await DiesWithinAsync(BackgroundPid(lines), TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task PROC_KeepBackgroundProcesses_LeavesThemForTheCallerToKill()
    {
        var spec = Bash("sleep 1000 & echo \"bg $!\"; exit 0") with
        {
            KeepBackgroundProcesses = true,
            OutputDrainTimeout = TimeSpan.FromMilliseconds(300),
        };

        var (result, lines) = await RunAsync(spec);
        var pid = BackgroundPid(lines);

        Assert.True(IsAlive(pid));
        Assert.NotNull(result.ProcessGroupId);
        ProcessGroups.Signal(result.ProcessGroupId.Value, GroupSignal.Kill);
        Assert.True(await DiesWithinAsync(pid, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task PROC_ConsumerFailure_StopsTheTreeAndSurfacesTheException()
    {
        var pid = 0;
        var runner = new ProcessRunner(TimeProvider.System);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunAsync(Bash(GrandchildScript), line =>
        {
            pid = int.Parse(line.Text[3..], CultureInfo.InvariantCulture);
            throw new InvalidOperationException("sink broke");
        }, CancellationToken.None));

        Assert.Equal("sink broke", ex.Message);
        Assert.True(await DiesWithinAsync(pid, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task PROC_DaemonThatLeftTheGroup_IsFoundByTrackingIdAndKilled()
    {
        var (result, lines) = await RunAsync(Bash("setsid sleep 1000 & echo \"bg $!\"; sleep 0.2; exit 0"));

        Assert.Equal(0, result.ExitCode);
        Assert.NotNull(result.TrackingId);
        Assert.True(await DiesWithinAsync(BackgroundPid(lines), TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task PROC_KeepBackgroundProcesses_JobEndCleanupByTrackingId()
    {
        var spec = Bash("setsid sleep 1000 & echo \"bg $!\"; sleep 0.2") with
        {
            KeepBackgroundProcesses = true,
            OutputDrainTimeout = TimeSpan.FromMilliseconds(200),
            TrackingId = "job-" + Guid.NewGuid().ToString("N"),
        };

        var (result, lines) = await RunAsync(spec);
        var pid = BackgroundPid(lines);
        Assert.True(IsAlive(pid));

        Assert.Equal(1, ProcessTracking.KillTracked(result.TrackingId!));
        Assert.True(await DiesWithinAsync(pid, TimeSpan.FromSeconds(3)));
    }

    private static int BackgroundPid(List<OutputLine> lines) =>
        int.Parse(lines.First(l => l.Text.StartsWith("bg ", StringComparison.Ordinal)).Text[3..], CultureInfo.InvariantCulture);
}
