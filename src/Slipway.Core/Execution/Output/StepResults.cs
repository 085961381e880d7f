namespace Slipway.Core.Execution.Output;

/// <summary>Result helpers both dialects' runners need when applying commands.</summary>
internal static class StepResults
{
    /// <summary>The agent's <c>TaskResultUtil.MergeTaskResults</c> (AZP-LOG-13, AZP-TASK-7): a canceled,
    /// skipped or abandoned result stays; otherwise the worse of the two wins (Failed over
    /// SucceededWithIssues over Succeeded).</summary>
    public static AzureTaskResult Merge(AzureTaskResult? current, AzureTaskResult coming)
    {
        if (current is not { } value)
        {
            return coming;
        }

        if (value > AzureTaskResult.Failed)
        {
            return value;
        }

        return coming >= value ? coming : value;
    }

    /// <summary>Prepends PATH entries as both runners do (AZP-LOG-15, GHA-FILE-4): an entry already
    /// present moves to the end of the list, which is the front of PATH (last added first).</summary>
    public static void PrependPaths(List<string> prependPath, IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(prependPath);
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            prependPath.RemoveAll(x => string.Equals(x, entry, StringComparison.Ordinal));
            prependPath.Add(entry);
        }
    }

    /// <summary>The PATH value a step sees: prepended entries, last added first, then the base PATH.</summary>
    public static string BuildPath(IReadOnlyList<string> prependPath, string? basePath)
    {
        var parts = prependPath.Reverse().ToList();
        if (!string.IsNullOrEmpty(basePath))
        {
            parts.Add(basePath);
        }

        return string.Join(Path.PathSeparator, parts);
    }
}
