using Slipway.Core.Expressions;
using Slipway.Core.Runs;

namespace Slipway.Core.Runtime.GitHub.Workflows;

/// <summary>
/// Status functions in a job's <c>if</c> (GHA-JOB-3): without arguments <c>success()</c>/<c>failure()</c>
/// look at every job the job needs, directly or through other jobs (a skipped or failed ancestor makes
/// <c>success()</c> false, so dependents of a skipped job are skipped as on GitHub); with job ids, at
/// those jobs. <c>cancelled()</c> is true once the run is canceled; <c>always()</c> always.
/// </summary>
internal sealed class JobStatusHost(IReadOnlyDictionary<string, RunResult> ancestors, bool runCanceled) : IExpressionHost
{
    public bool EvaluateStatus(StatusFunction function, IReadOnlyList<string> names)
    {
        var results = names.Count == 0
            ? [.. ancestors.Values]
            : names.Select(n => ancestors.GetValueOrDefault(n, RunResult.Skipped)).ToList();
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

    public double NextCounter(string prefix, double seed) => throw new NotSupportedException("GitHub Actions has no counter().");

    public string? HashFiles(IReadOnlyList<string> patterns, out string error)
    {
        error = "hashFiles() is not available in a job's if; only in steps.";
        return null;
    }
}
