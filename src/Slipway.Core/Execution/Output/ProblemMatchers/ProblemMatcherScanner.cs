using System.Text.RegularExpressions;

namespace Slipway.Core.Execution.Output.ProblemMatchers;

/// <summary>A line a matcher turned into an annotation: log <see cref="Line"/> as the annotation's level instead of the raw line.</summary>
internal sealed record ProblemLine(GitHubAnnotation Annotation, string Line);

/// <summary>
/// The problem-matcher half of actions/runner's <c>OutputManager</c> for one step's output: it starts
/// with the job's matchers, applies <c>add-matcher</c>/<c>remove-matcher</c> to the job and to itself,
/// and checks each plain output line (colour codes stripped) against the matchers, the most recently
/// added first; the first match that makes an issue wins and resets the others.
/// </summary>
internal sealed partial class ProblemMatcherScanner
{
    /// <summary>The runner's default <c>GITHUB_ACTIONS_RUNNER_ISSUE_MATCHER_TIMEOUT</c>.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(1);

    private const int MaxAttempts = 3;

    private readonly ProblemMatcherSet _job;
    private readonly string _workspace;
    private readonly TimeSpan _timeout;
    private List<ProblemMatcherRun> _runs;

    public ProblemMatcherScanner(ProblemMatcherSet job, string workspace, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        _job = job;
        _workspace = workspace;
        _timeout = timeout ?? DefaultTimeout;
        _runs = [.. job.Matchers.Select(m => new ProblemMatcherRun(m))];
    }

    public bool IsEmpty => _runs.Count == 0;

    /// <summary>Matches one plain output line; null when no matcher made an issue of it (print it as it is).</summary>
    public ProblemLine? Scan(string line, List<CommandIssue> issues)
    {
        if (_runs.Count == 0)
        {
            return null;
        }

        var stripped = line.Contains('\u001b', StringComparison.Ordinal) ? ColorCodes().Replace(line, string.Empty) : line;
        foreach (var run in _runs.ToList())
        {
            if (Match(run, stripped, issues) is not { } match)
            {
                continue;
            }

            foreach (var other in _runs.Where(r => !ReferenceEquals(r, run)))
            {
                other.Reset();
            }

            if (ProblemIssue.From(match, _workspace, issues) is { } annotation)
            {
                return new ProblemLine(annotation, stripped);
            }
        }

        return null;
    }

    private ProblemMatch? Match(ProblemMatcherRun run, string line, List<CommandIssue> issues)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return run.Match(line);
            }
            catch (RegexMatchTimeoutException e)
            {
                if (attempt < MaxAttempts)
                {
                    issues.Add(ProblemFilePath.Debug($"Timeout processing issue matcher '{run.Owner}' against line '{line}'. Exception: {e.Message}"));
                    continue;
                }

                issues.Add(CommandIssue.Warning(ProblemMatcherDiagnosticCodes.MatcherRemoved, $"Removing issue matcher '{run.Owner}'. Matcher failed {MaxAttempts} times. Error: {e.Message}"));
                _runs.Remove(run);
                return null;
            }
        }
    }

    [GeneratedRegex(@"\u001b\[[0-9;]*m?", RegexOptions.CultureInvariant)]
    private static partial Regex ColorCodes();
}
