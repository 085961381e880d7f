namespace Slipway.Core.Execution.Output.ProblemMatchers;

/// <summary>
/// The matchers registered in one job (the runner keeps them on the job's root context): later steps
/// start with them; a matcher replaces the one with the same owner (case-insensitive). Thread-safe.
/// </summary>
internal sealed class ProblemMatcherSet
{
    private readonly Lock _lock = new();
    private ProblemMatcher[] _matchers = [];

    /// <summary>The registered matchers, the most recently added first.</summary>
    public IReadOnlyList<ProblemMatcher> Matchers
    {
        get
        {
            lock (_lock)
            {
                return _matchers;
            }
        }
    }

    public void Add(IReadOnlyList<ProblemMatcher> added)
    {
        var owners = added.Select(m => m.Owner).ToHashSet(StringComparer.OrdinalIgnoreCase);
        lock (_lock)
        {
            _matchers = [.. added, .. _matchers.Where(m => !owners.Contains(m.Owner))];
        }
    }

    /// <summary>Removes the matchers of these owners; returns the owners that were registered.</summary>
    public IReadOnlyList<string> Remove(IEnumerable<string> owners)
    {
        var set = owners.ToHashSet(StringComparer.OrdinalIgnoreCase);
        lock (_lock)
        {
            var removed = _matchers.Where(m => set.Contains(m.Owner)).Select(m => m.Owner).ToList();
            _matchers = [.. _matchers.Where(m => !set.Contains(m.Owner))];
            return removed;
        }
    }
}
