namespace Slipway.Core.Runs;

/// <summary>Results as Azure Pipelines names them; GitHub conclusions map onto them.</summary>
public enum RunResult
{
    Succeeded,
    SucceededWithIssues,
    Failed,
    Canceled,
    Skipped,
}

public enum RunState
{
    Pending,
    Running,
    Completed,

    /// <summary>The process that ran it ended without completing it (crash, kill -9, power loss).</summary>
    Interrupted,
}

public enum RecordKind
{
    Stage,
    Job,
    Step,
}

/// <summary>What a run is, as given when it starts.</summary>
public sealed record RunStart(string Syntax, string PipelinePath, string PipelineName)
{
    public string? Event { get; init; }
    public string? Branch { get; init; }
    public string? Commit { get; init; }
}

public sealed record RunInfo(long Id, RunStart Start, RunState State, RunResult? Result, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt)
{
    public string? BuildNumber { get; init; }
}

/// <summary>One stage, job or step of a run (a timeline record, as Azure DevOps calls it).</summary>
public sealed record TimelineRecord(long Id, long RunId, long? ParentId, RecordKind Kind, string Identifier, string DisplayName, int Order)
{
    public RunState State { get; init; }
    public RunResult? Result { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public int? ExitCode { get; init; }
    public string? LogPath { get; init; }
}

public enum IssueType
{
    Error,
    Warning,

    /// <summary>GitHub's <c>::notice::</c> annotation: shown in the summary, neither an error nor a warning.</summary>
    Notice,
}

public sealed record RunIssue(IssueType Type, string Message)
{
    public long? RecordId { get; init; }
    public string? File { get; init; }
    public int? Line { get; init; }
    public int? Column { get; init; }
    public string? Code { get; init; }
}
