using System.Text.RegularExpressions;

namespace Slipway.Core.Execution.Output.ProblemMatchers;

/// <summary>actions/runner's <c>IssueMatchersConfig.Validate</c> rules and messages, then compiles the matchers.</summary>
internal static class ProblemMatcherValidation
{
    public static ProblemMatcherFileResult Validate(IReadOnlyList<ProblemMatcherConfig> configs, TimeSpan timeout)
    {
        var owners = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var matchers = new List<ProblemMatcher>();
        foreach (var config in configs)
        {
            var error = Validate(config);
            if (error is null && !owners.Add(config.Owner))
            {
                error = $"Duplicate owner name '{config.Owner}'";
            }

            if (error is not null)
            {
                return ProblemMatcherFileResult.Failed(error);
            }

            matchers.Add(ProblemMatcher.Create(config, timeout));
        }

        return new ProblemMatcherFileResult(matchers, null);
    }

    private static string? Validate(ProblemMatcherConfig config)
    {
        if (config.Owner.Length == 0)
        {
            return "Owner must not be empty";
        }

        if (config.Severity.ToUpperInvariant() is not ("" or "ERROR" or "WARNING" or "NOTICE"))
        {
            return $"Matcher '{config.Owner}' contains unexpected default severity '{config.Severity}'";
        }

        if (config.Patterns.Count == 0)
        {
            return $"Matcher '{config.Owner}' does not contain any patterns";
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < config.Patterns.Count; i++)
        {
            if (Validate(config.Patterns[i], isFirst: i == 0, isLast: i == config.Patterns.Count - 1, seen) is { } error)
            {
                return error;
            }
        }

        return seen.ContainsKey("message") ? null : "At least one pattern must set 'message'";
    }

    private static string? Validate(ProblemPatternConfig pattern, bool isFirst, bool isLast, Dictionary<string, int> seen)
    {
        if (pattern.Loop && (isFirst || !isLast))
        {
            return "Only the last pattern in a multiline matcher may set 'loop'";
        }

        if (pattern.Loop && pattern.Message is null)
        {
            return "The loop pattern must set 'message'";
        }

        int groups;
        try
        {
            groups = new Regex(pattern.Regexp, ProblemMatcher.RunnerOptions).GetGroupNumbers().Length;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }

        (string Name, int? Value)[] fields =
        [
            ("file", pattern.File), ("line", pattern.Line), ("column", pattern.Column), ("severity", pattern.Severity),
            ("code", pattern.Code), ("message", pattern.Message), ("fromPath", pattern.FromPath),
        ];
        foreach (var (name, value) in fields)
        {
            if (value is not { } group)
            {
                continue;
            }

            if (!seen.TryAdd(name, group))
            {
                return $"The property '{name}' is set twice";
            }

            if (group < 0 || group >= groups)
            {
                return $"The property '{name}' is set to {group} which is out of range";
            }
        }

        return null;
    }
}
