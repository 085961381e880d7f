namespace Slipway.Core.Execution.Output.ProblemMatchers;

/// <summary>SLW8600-SLW8649: problem matchers (<c>::add-matcher::</c>, <c>::remove-matcher::</c>) and the issues they find.</summary>
public static class ProblemMatcherDiagnosticCodes
{
    /// <summary>An <c>add-matcher</c>/<c>remove-matcher</c> file could not be read or is not a valid matcher file (fails the step, as on the runner).</summary>
    public const string InvalidMatcherFile = "SLW8600";

    /// <summary>A <c>remove-matcher</c> command without an owner or a file, or with both.</summary>
    public const string InvalidRemoveMatcher = "SLW8601";

    /// <summary>A matcher whose regular expression timed out three times on one line is removed for the rest of the step.</summary>
    public const string MatcherRemoved = "SLW8602";

    /// <summary>Debug messages: matchers added or removed, matched lines skipped, file values dropped.</summary>
    public const string MatcherDebug = "SLW8603";

    /// <summary>An issue found by a problem matcher that has no code of its own.</summary>
    public const string MatchedIssue = "SLW8604";
}
