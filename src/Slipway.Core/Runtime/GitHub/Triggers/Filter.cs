using Slipway.Core.Pipelines.GitHub.Model;

namespace Slipway.Core.Runtime.GitHub.Triggers;

/// <summary>One declared filter of an event: its patterns compiled, or the error that made them unusable.</summary>
internal sealed record Filter(string Key, IReadOnlyList<string> Patterns, FilterList? List, string? Error)
{
    public static Filter? From(WorkflowEvent declared, string key)
    {
        if (!declared.Filters.TryGetValue(key, out var patterns))
        {
            return null;
        }

        var list = FilterList.TryCreate(key, patterns, out var error);
        return new Filter(key, patterns, list, error);
    }
}
