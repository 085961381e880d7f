namespace Slipway.Cli.Tests.Rendering;

/// <summary>A clock whose timers fire only when the test says so.</summary>
internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private readonly List<(TimerCallback Callback, object? State)> _timers = [];

    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _timers.Add((callback, state));
        return new NoTimer();
    }

    public void FireTimers()
    {
        foreach (var (callback, state) in _timers)
        {
            callback(state);
        }
    }

    private sealed class NoTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
