using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Services;

namespace Slipway.Core.Runtime.Events;

/// <summary>
/// One stage, job (a matrix leg or parallel slice is its own job) or step of a run, as events name it.
/// Created once per record and shared by all its events, so a log line costs no allocation for its identity.
/// </summary>
internal sealed record TimelineNode(RecordKind Kind, string Name, string DisplayName, TimelineNode? Parent)
{
    /// <summary>The id in the run store (0 when the run is not recorded).</summary>
    public long RecordId { get; init; }

    /// <summary>Order among its siblings (stage order, job order in the stage, step order in the job).</summary>
    public int Order { get; init; }

    /// <summary>Dotted identifier as Azure's timeline has it: <c>Stage</c>, <c>Stage.Job</c> (<c>Stage.Job.leg</c> for a matrix leg), <c>Stage.Job.Step</c>.</summary>
    public string Identifier => Parent is null ? Name : Parent.Identifier + "." + Name;

    /// <summary>The stage this node belongs to (itself for a stage).</summary>
    public TimelineNode Stage => Parent is null ? this : Parent.Stage;

    /// <summary>The job this node belongs to (itself for a job; null for a stage).</summary>
    public TimelineNode? Job => Kind switch
    {
        RecordKind.Job => this,
        RecordKind.Step => Parent,
        _ => null,
    };
}

/// <summary>Something that happened in a run. Everything in an event is already masked.</summary>
internal abstract record RunEvent(DateTimeOffset Timestamp);

/// <summary>The run begins. <see cref="Plan"/> is the compiled plan (matrices not yet expanded).</summary>
internal sealed record RunStarted(DateTimeOffset Timestamp, long RunId, string PipelinePath, string BuildNumber, Plan Plan, string RunDirectory) : RunEvent(Timestamp);

/// <summary>The run is over. <see cref="Result"/> is the rolled-up result; exit code 0 for (with issues) succeeded.</summary>
internal sealed record RunCompleted(DateTimeOffset Timestamp, long RunId, RunResult Result, TimeSpan Duration, string BuildNumber) : RunEvent(Timestamp);

/// <summary>A stage, job or step starts. Steps: <see cref="Node"/>.Parent is the job.</summary>
internal sealed record RecordStarted(DateTimeOffset Timestamp, TimelineNode Node) : RunEvent(Timestamp)
{
    /// <summary>Path of the record's log file (jobs and steps), when recorded.</summary>
    public string? LogPath { get; init; }
}

/// <summary>
/// A stage, job or step is finished, or was never run (<see cref="RunResult.Skipped"/>, with
/// <see cref="Reason"/>, e.g. "condition was false" or "not selected by --job"). Duration is zero when it never ran.
/// </summary>
internal sealed record RecordCompleted(DateTimeOffset Timestamp, TimelineNode Node, RunResult Result, TimeSpan Duration) : RunEvent(Timestamp)
{
    public int? ExitCode { get; init; }

    /// <summary>Why it ended so (failure message, skip reason, "canceled by the user", "timed out after N minutes").</summary>
    public string? Reason { get; init; }
}

/// <summary>A warning or error of a record (logging command, handler, runtime). <see cref="Node"/> is null for run-level issues.</summary>
internal sealed record IssueRaised(DateTimeOffset Timestamp, TimelineNode? Node, IssueType Type, string Message) : RunEvent(Timestamp)
{
    public string? File { get; init; }
    public int? Line { get; init; }
    public int? Column { get; init; }
    public string? Code { get; init; }
}

/// <summary>An output variable (<c>isOutput=true</c>) set by a step: <c>dependencies.Job.outputs['Step.Name']</c>. A secret value arrives as <c>***</c>.</summary>
internal sealed record OutputSet(DateTimeOffset Timestamp, TimelineNode Node, string StepName, string Name, string Value, bool IsSecret) : RunEvent(Timestamp);

/// <summary>A step published test results.</summary>
internal sealed record TestResultsPublished(DateTimeOffset Timestamp, TimelineNode Node, TestRunSummary Summary) : RunEvent(Timestamp);

/// <summary>A step published code coverage.</summary>
internal sealed record CoveragePublished(DateTimeOffset Timestamp, TimelineNode Node, CoverageSummary Summary) : RunEvent(Timestamp);

/// <summary>Build number or tags changed (<c>build.updatebuildnumber</c>, <c>build.addbuildtag</c>), progress (<c>task.setprogress</c>), attachments.</summary>
internal sealed record RunInfoChanged(DateTimeOffset Timestamp, TimelineNode? Node, string What, string Value) : RunEvent(Timestamp);

/// <summary>A detail timeline record of a step (<c>##vso[task.logdetail]</c>, AZP-LOG-20), as it stands after an update.</summary>
internal sealed record TimelineDetail(Guid Id)
{
    public Guid? ParentId { get; init; }

    public required string Type { get; init; }

    public required string Name { get; init; }

    public int? Order { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? FinishTime { get; init; }

    public int? Progress { get; init; }

    /// <summary><c>Pending</c>, <c>InProgress</c> or <c>Completed</c>.</summary>
    public required string State { get; init; }

    public string? Result { get; init; }

    /// <summary>The current operation (the command's data).</summary>
    public string? Message { get; init; }
}

/// <summary>A step created or updated a detail timeline record under itself. <see cref="Node"/> is the step.</summary>
internal sealed record DetailRecordUpdated(DateTimeOffset Timestamp, TimelineNode Node, TimelineDetail Detail) : RunEvent(Timestamp);
