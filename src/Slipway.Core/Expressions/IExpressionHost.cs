namespace Slipway.Core.Expressions;

/// <summary>The run-state functions. GitHub's success/failure/cancelled map to Succeeded/Failed/Canceled.</summary>
internal enum StatusFunction
{
    Always,
    Canceled,
    Failed,
    Succeeded,
    SucceededOrFailed,
}

/// <summary>
/// What only the runtime knows: job/stage status, counters, files in the workspace. Compile-time
/// callers pass no host and parse with status functions and counter disallowed, so using them is a
/// parse error ("Unrecognized value") there.
/// </summary>
internal interface IExpressionHost
{
    /// <summary>Evaluates a status function; <paramref name="names"/> are the job/stage names given as arguments (may be empty).</summary>
    bool EvaluateStatus(StatusFunction function, IReadOnlyList<string> names);

    /// <summary>Azure <c>counter(prefix, seed)</c>: the seed on first use of a prefix, then one more each run.</summary>
    double NextCounter(string prefix, double seed);

    /// <summary>GitHub <c>hashFiles(patterns)</c>: the SHA-256 of the matched files, '' when none match; null and an error message when it fails.</summary>
    string? HashFiles(IReadOnlyList<string> patterns, out string error);
}
