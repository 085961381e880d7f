using Slipway.Core.Orchestration;
using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;

namespace Slipway.Core.Runtime.Jobs;

/// <summary>One job instance to run (a matrix leg or parallel slice is its own instance).</summary>
internal sealed record JobRequest
{
    public required StagePlan Stage { get; init; }

    public required JobPlan Job { get; init; }

    /// <summary>The job's record, already added (pending) by the orchestrator.</summary>
    public required TimelineNode Node { get; init; }

    /// <summary>Matrix leg variables (job-level values).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> LegVariables { get; init; } = [];

    public int Position { get; init; } = 1;

    public int Total { get; init; } = 1;

    /// <summary>Prefix of output keys for consumers: '' or 'leg.'.</summary>
    public string OutputPrefix { get; init; } = string.Empty;

    /// <summary>The <c>dependencies</c>/<c>stageDependencies</c> values for the job's <c>$[ ]</c> variables.</summary>
    public required IReadOnlyList<KeyValuePair<string, Expressions.Values.ExpressionValue>> DependencyValues { get; init; }

    public required string BuildNumber { get; init; }

    /// <summary>
    /// The run's job slot (<c>--parallel</c>) this job holds. The runner gives it back as soon as the job's
    /// processes are done (steps, post-job steps, leftovers killed): writing the job's records after that
    /// needs no slot, so the next job starts meanwhile. Null: the caller releases it.
    /// </summary>
    public JobSlots.Lease? Slot { get; init; }
}

/// <summary>How a job instance ended, and the outputs it produced (keys as <c>dependencies.X.outputs</c> has them).
/// A failed job whose <c>continueOnError</c> evaluated true ends as SucceededWithIssues (AZP-COND-8).</summary>
internal sealed record JobOutcome(RunResult Result, IReadOnlyDictionary<string, string> Outputs);
