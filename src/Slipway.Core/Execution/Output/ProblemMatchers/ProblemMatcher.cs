using System.Text.RegularExpressions;

namespace Slipway.Core.Execution.Output.ProblemMatchers;

/// <summary>A validated matcher with its patterns compiled; immutable, shared by the steps of a job.</summary>
internal sealed class ProblemMatcher
{
    /// <summary>The options actions/runner compiles patterns with (and validates them against).</summary>
    internal const RegexOptions RunnerOptions = RegexOptions.CultureInvariant | RegexOptions.ECMAScript;

    private ProblemMatcher(string owner, string defaultSeverity, IReadOnlyList<ProblemPattern> patterns)
    {
        Owner = owner;
        DefaultSeverity = defaultSeverity;
        Patterns = patterns;
    }

    public string Owner { get; }

    /// <summary>The matcher's <c>severity</c>: used when no pattern captures one (empty: <c>error</c>).</summary>
    public string DefaultSeverity { get; }

    public IReadOnlyList<ProblemPattern> Patterns { get; }

    public static ProblemMatcher Create(ProblemMatcherConfig config, TimeSpan timeout) =>
        new(config.Owner, config.Severity, [.. config.Patterns.Select(p => new ProblemPattern(p, Compile(p.Regexp, timeout)))]);

    /// <summary>
    /// The linear-time engine where the pattern allows it (no backreferences, lookarounds, atomic groups):
    /// no timeout is needed then. Otherwise the runner's options with its match timeout.
    /// </summary>
    internal static Regex Compile(string pattern, TimeSpan timeout)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, RunnerOptions, timeout);
        }
    }
}

/// <summary>One compiled pattern of a matcher.</summary>
internal sealed record ProblemPattern(ProblemPatternConfig Config, Regex Regex);

/// <summary>The fields one line (or, for multi-line matchers, a run of lines) gave; nulls are groups not set.</summary>
internal sealed record ProblemMatch(string? File, string? FromPath, string? Line, string? Column, string? Severity, string? Code, string? Message)
{
    /// <summary>A pattern's groups on top of what earlier lines of a multi-line match gave (earlier lines win, as on the runner).</summary>
    public static ProblemMatch From(ProblemMatch? running, ProblemPatternConfig pattern, GroupCollection groups, string? defaultSeverity)
    {
        var severity = running?.Severity ?? Group(groups, pattern.Severity);
        if (string.IsNullOrEmpty(severity) && !string.IsNullOrEmpty(defaultSeverity))
        {
            severity = defaultSeverity;
        }

        return new ProblemMatch(
            running?.File ?? Group(groups, pattern.File),
            running?.FromPath ?? Group(groups, pattern.FromPath),
            running?.Line ?? Group(groups, pattern.Line),
            running?.Column ?? Group(groups, pattern.Column),
            severity,
            running?.Code ?? Group(groups, pattern.Code),
            running?.Message ?? Group(groups, pattern.Message));
    }

    private static string? Group(GroupCollection groups, int? index) =>
        index is { } i && i < groups.Count ? groups[i].Value : null;
}
