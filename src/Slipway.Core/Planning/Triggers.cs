using Slipway.Core.Diagnostics;

namespace Slipway.Core.Planning;

/// <summary>What starts a run: pushes, pull requests and schedules. Resource triggers live on the resources.</summary>
public sealed record TriggerSet(PushTrigger Push, PullRequestTrigger PullRequest, IReadOnlyList<ScheduleTrigger> Schedules)
{
    public static TriggerSet Default { get; } = new(PushTrigger.Implicit, PullRequestTrigger.Implicit, []);
}

/// <summary>Include/exclude patterns; an exclude without includes means "include everything" (AZP-TRIG-3).</summary>
public sealed record FilterSet(IReadOnlyList<string> Include, IReadOnlyList<string> Exclude)
{
    public static FilterSet None { get; } = new([], []);

    public static FilterSet All { get; } = new(["*"], []);

    public bool IsEmpty => Include.Count == 0 && Exclude.Count == 0;
}

/// <summary>CI trigger. <see cref="IsImplicit"/> when the YAML had no trigger key (every branch triggers).</summary>
public sealed record PushTrigger
{
    public static PushTrigger Implicit { get; } = new() { Branches = FilterSet.All, IsImplicit = true };

    public static PushTrigger Disabled { get; } = new() { Enabled = false };

    public bool Enabled { get; init; } = true;

    public bool IsImplicit { get; init; }

    /// <summary>Azure <c>batch</c>: accumulate pushes while a run is in progress.</summary>
    public bool Batch { get; init; }

    public FilterSet Branches { get; init; } = FilterSet.None;

    public FilterSet Paths { get; init; } = FilterSet.None;

    public FilterSet Tags { get; init; } = FilterSet.None;

    public SourceLocation Location { get; init; }
}

/// <summary>Pull request trigger; branch filters match the target branch.</summary>
public sealed record PullRequestTrigger
{
    public static PullRequestTrigger Implicit { get; } = new() { Branches = FilterSet.All, IsImplicit = true };

    public static PullRequestTrigger Disabled { get; } = new() { Enabled = false };

    public bool Enabled { get; init; } = true;

    public bool IsImplicit { get; init; }

    public bool AutoCancel { get; init; } = true;

    public bool Drafts { get; init; } = true;

    public FilterSet Branches { get; init; } = FilterSet.None;

    public FilterSet Paths { get; init; } = FilterSet.None;

    public SourceLocation Location { get; init; }
}

/// <summary>A cron schedule (UTC). <see cref="Always"/> runs even when nothing changed.</summary>
public sealed record ScheduleTrigger(
    string Cron,
    string? DisplayName,
    FilterSet Branches,
    bool Always,
    bool Batch,
    SourceLocation Location);
