using Slipway.Core.Diagnostics;
using Slipway.Core.Expressions;
using Slipway.Core.Expressions.GitHub;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Runtime.GitHub.Contexts;

namespace Slipway.Core.Runtime.GitHub.Workflows;

/// <summary>
/// A job's evaluated <c>strategy</c> (GHA-JOB-5/6): its matrix legs (none for a job without a matrix),
/// <c>fail-fast</c> (default true) and <c>max-parallel</c> (default: all legs at once).
/// </summary>
internal sealed record JobStrategy(IReadOnlyList<MatrixLeg> Legs, bool FailFast, int? MaxParallel)
{
    public static JobStrategy None { get; } = new([], true, null);

    /// <summary>The legs to run: the matrix legs, or one leg without matrix values.</summary>
    public IReadOnlyList<MatrixLeg> Runs => Legs.Count > 0 ? Legs : [new MatrixLeg(ObjectValue.Empty, [])];

    public bool IsMatrix => Legs.Count > 0;

    /// <summary>Evaluates <c>strategy</c> with github, inputs, vars and needs (so a matrix may come from a needed job's outputs).</summary>
    public static Evaluated<JobStrategy> Evaluate(WorkflowJob job, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Strategy is null)
        {
            return None;
        }

        var value = TokenEvaluator.Evaluate(job.Strategy, context);
        if (!value.IsSuccess)
        {
            return value.Error;
        }

        if (value.Value is not ObjectValue strategy)
        {
            return Diagnostic.Error(WorkflowRunDiagnosticCodes.Matrix, "The strategy must be a mapping.", job.Strategy.Location);
        }

        var location = (job.Strategy as Pipelines.GitHub.Tokens.MappingToken)?.Find("matrix")?.Location ?? job.Strategy.Location;
        var legs = MatrixExpansion.Expand(strategy["matrix"], location);
        if (!legs.IsSuccess)
        {
            return legs.Error;
        }

        var failFast = strategy.TryGetValue("fail-fast", out var ff) && ff is not NullValue ? GitHubCoercion.ToBoolean(ff) : true;
        int? maxParallel = strategy.TryGetValue("max-parallel", out var mp) && mp is not NullValue && GitHubCoercion.ToNumber(mp) is >= 1 and var n
            ? (int)n
            : null;
        return new JobStrategy(legs.Value, failFast, maxParallel);
    }
}

/// <summary>One job being run: where it belongs, its <c>needs</c> context, strategy and order.</summary>
internal sealed record JobRun(WorkflowScope Scope, WorkflowJob Job, ObjectValue Needs, JobStrategy Strategy, int Order)
{
    public string RecordName => Scope.IdPrefix + Job.Id.Value;
}
