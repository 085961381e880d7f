using Slipway.Core.Runs;

namespace Slipway.Core.Runtime;

/// <summary>How results roll up (AZP-DEP-4, AZP-COND-8): Canceled over Failed over SucceededWithIssues over Succeeded; Skipped counts only when everything was skipped.</summary>
internal static class RunResults
{
    public static RunResult Worse(RunResult a, RunResult b) => Rank(a) >= Rank(b) ? a : b;

    /// <summary>The result of a parent from its children's results.</summary>
    public static RunResult Combine(IEnumerable<RunResult> results)
    {
        RunResult? combined = null;
        foreach (var result in results)
        {
            if (result == RunResult.Skipped)
            {
                continue;
            }

            combined = combined is { } c ? Worse(c, result) : result;
        }

        return combined ?? RunResult.Skipped;
    }

    public static bool IsSuccess(RunResult result) => result is RunResult.Succeeded or RunResult.SucceededWithIssues;

    private static int Rank(RunResult result) => result switch
    {
        RunResult.Skipped => 0,
        RunResult.Succeeded => 1,
        RunResult.SucceededWithIssues => 2,
        RunResult.Failed => 3,
        RunResult.Canceled => 4,
        _ => 0,
    };
}
