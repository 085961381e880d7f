namespace Slipway.Core.Execution.Output.ProblemMatchers;

/// <summary>One entry of a matcher file's <c>problemMatcher</c> array (actions/toolkit docs/problem-matchers.md).</summary>
internal sealed record ProblemMatcherConfig(string Owner, string Severity, IReadOnlyList<ProblemPatternConfig> Patterns);

/// <summary>One <c>pattern</c> entry: the regular expression and the group numbers of each field.</summary>
internal sealed record ProblemPatternConfig
{
    public string Regexp { get; init; } = string.Empty;

    public int? File { get; init; }

    public int? FromPath { get; init; }

    public int? Line { get; init; }

    public int? Column { get; init; }

    public int? Severity { get; init; }

    public int? Code { get; init; }

    public int? Message { get; init; }

    /// <summary>Only on the last pattern of a multi-line matcher: keep matching it line after line.</summary>
    public bool Loop { get; init; }
}
