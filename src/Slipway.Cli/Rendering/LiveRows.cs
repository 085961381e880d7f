using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;

namespace Slipway.Cli.Rendering;

internal enum RowState
{
    Pending,
    Running,
    Completed,
}

/// <summary>A stage or job line of the live view. Changed only under the model's lock.</summary>
internal abstract class LiveRow(string name, string displayName, int order)
{
    public string Name { get; set; } = name;

    public string DisplayName { get; set; } = displayName;

    public int Order { get; set; } = order;

    /// <summary>The node events name it by; null for a placeholder taken from the plan that has not started yet.</summary>
    public TimelineNode? Node { get; set; }

    public RowState State { get; set; }

    public RunResult? Result { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public TimeSpan? Duration { get; set; }

    public string? Reason { get; set; }

    /// <summary>A plan job whose matrix legs or parallel slices are shown instead.</summary>
    public bool Hidden { get; set; }

    public void Start(DateTimeOffset at)
    {
        State = RowState.Running;
        StartedAt ??= at;
    }

    public void Complete(RecordCompleted completed)
    {
        State = RowState.Completed;
        Result = completed.Result;
        Duration = completed.Duration;
        Reason = completed.Reason;
    }
}

internal sealed class LiveStage(string name, string displayName, int order) : LiveRow(name, displayName, order)
{
    public List<LiveJob> Jobs { get; } = [];
}

internal sealed class LiveJob(LiveStage stage, string name, string displayName, int order) : LiveRow(name, displayName, order)
{
    public LiveStage Stage { get; } = stage;

    /// <summary>The last lines of the job, written lock-free by its output threads.</summary>
    public LineTail Tail { get; } = new(16);

    public string? CurrentStep { get; set; }

    public int Warnings { get; set; }

    public int Errors { get; set; }
}
