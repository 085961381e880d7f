namespace Slipway.Core.Execution.Output.ProblemMatchers;

/// <summary>
/// A matcher applied to the output of one step (actions/runner's <c>IssueMatcher</c>): a single pattern
/// matches one line; several patterns must match consecutive lines, and a <c>loop</c> last pattern keeps
/// reporting one issue per line while it matches. Not thread-safe (output lines come one at a time).
/// </summary>
internal sealed class ProblemMatcherRun
{
    private readonly ProblemMatcher _matcher;
    private ProblemMatch?[] _state;

    public ProblemMatcherRun(ProblemMatcher matcher)
    {
        _matcher = matcher;
        _state = new ProblemMatch?[Math.Max(0, matcher.Patterns.Count - 1)];
    }

    public ProblemMatcher Matcher => _matcher;

    public string Owner => _matcher.Owner;

    /// <summary>The completed match of this line, if any. Throws <see cref="System.Text.RegularExpressions.RegexMatchTimeoutException"/> on a timeout.</summary>
    public ProblemMatch? Match(string line)
    {
        var patterns = _matcher.Patterns;
        if (patterns.Count == 1)
        {
            var match = patterns[0].Regex.Match(line);
            return match.Success ? ProblemMatch.From(null, patterns[0].Config, match.Groups, _matcher.DefaultSeverity) : null;
        }

        // From the last pattern back, so that a line advances each running match by one pattern at most.
        for (var i = patterns.Count - 1; i >= 0; i--)
        {
            var running = i > 0 ? _state[i - 1] : null;
            if (i > 0 && running is null)
            {
                continue;
            }

            var pattern = patterns[i];
            var isLast = i == patterns.Count - 1;
            var match = pattern.Regex.Match(line);
            if (!match.Success)
            {
                _state[isLast ? i - 1 : i] = null;
                continue;
            }

            if (!isLast)
            {
                _state[i] = ProblemMatch.From(running, pattern.Config, match.Groups, null);
                continue;
            }

            Reset();
            if (pattern.Config.Loop)
            {
                _state[i - 1] = running;
            }

            return ProblemMatch.From(running, pattern.Config, match.Groups, _matcher.DefaultSeverity);
        }

        return null;
    }

    public void Reset() => _state = new ProblemMatch?[Math.Max(0, _matcher.Patterns.Count - 1)];
}
