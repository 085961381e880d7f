namespace Slipway.Core.Runtime.GitHub.Workflows;

/// <summary>SLW8200-SLW8299: running GitHub workflows (orchestration, matrices, reusable workflows, the run command).</summary>
internal static class WorkflowRunDiagnosticCodes
{
    /// <summary>A matrix that cannot be expanded: empty vector, not a mapping, too many legs.</summary>
    public const string Matrix = "SLW8200";

    /// <summary>An expression of a job (<c>if</c>, <c>strategy</c>, <c>timeout-minutes</c>, ...) failed to evaluate.</summary>
    public const string JobExpression = "SLW8201";

    /// <summary><c>runs-on</c> names a machine this is not (windows-*, macos-*).</summary>
    public const string RunsOn = "SLW8202";

    /// <summary>A reusable workflow that cannot be called (not in the actions cache, bad input).</summary>
    public const string ReusableWorkflow = "SLW8203";

    /// <summary>A job was canceled by concurrency (<c>cancel-in-progress</c>, a newer pending job in its group).</summary>
    public const string Concurrency = "SLW8204";

    /// <summary>The command line: payload, inputs, no workflow found.</summary>
    public const string Usage = "SLW8205";
}
