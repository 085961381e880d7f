using Slipway.Core.Expressions;
using Slipway.Core.Runs;

namespace Slipway.Core.Runtime.Orchestration;

/// <summary>
/// Status functions for a job or stage condition (AZP-COND-1..4, AZP-DEP-3): without arguments they
/// look at every dependency, direct and transitive; with names, at those dependencies only.
/// </summary>
internal sealed class DependencyStatusHost(
    IReadOnlyDictionary<string, RunResult> direct, IReadOnlyDictionary<string, RunResult> transitive, bool runCanceled, Counters counters) : IExpressionHost
{
    public bool EvaluateStatus(StatusFunction function, IReadOnlyList<string> names)
    {
        var results = names.Count == 0
            ? transitive.Values.ToList()
            : names.Select(n => direct.TryGetValue(n, out var r) ? r : transitive.GetValueOrDefault(n, RunResult.Skipped)).ToList();
        return function switch
        {
            StatusFunction.Always => true,
            StatusFunction.Canceled => runCanceled,
            StatusFunction.Failed => !runCanceled && results.Any(r => r == RunResult.Failed),
            StatusFunction.Succeeded => !runCanceled && results.All(RunResults.IsSuccess),
            StatusFunction.SucceededOrFailed => !runCanceled && results.All(r => RunResults.IsSuccess(r) || r == RunResult.Failed),
            _ => false,
        };
    }

    public double NextCounter(string prefix, double seed) => counters.Next(prefix, seed);

    public string? HashFiles(IReadOnlyList<string> patterns, out string error)
    {
        error = "hashFiles is not available in Azure Pipelines expressions.";
        return null;
    }
}

/// <summary>Status functions for a step condition: the job's status so far (Agent.JobStatus) and cancellation.</summary>
internal sealed class StepStatusHost(Func<RunResult> jobStatus, Func<bool> canceled, Counters counters) : IExpressionHost
{
    public bool EvaluateStatus(StatusFunction function, IReadOnlyList<string> names)
    {
        var status = jobStatus();
        var isCanceled = canceled();
        return function switch
        {
            StatusFunction.Always => true,
            StatusFunction.Canceled => isCanceled,
            StatusFunction.Failed => !isCanceled && status == RunResult.Failed,
            StatusFunction.Succeeded => !isCanceled && RunResults.IsSuccess(status),
            StatusFunction.SucceededOrFailed => !isCanceled && (RunResults.IsSuccess(status) || status == RunResult.Failed),
            _ => false,
        };
    }

    public double NextCounter(string prefix, double seed) => counters.Next(prefix, seed);

    public string? HashFiles(IReadOnlyList<string> patterns, out string error)
    {
        error = "hashFiles is not available in Azure Pipelines expressions.";
        return null;
    }
}
