using Slipway.Core.Pipelines.GitHub.Model;

namespace Slipway.Core.Runtime.GitHub.Triggers;

/// <summary>
/// <c>paths</c> / <c>paths-ignore</c> against the files the event changed: <c>paths</c> passes when at least one
/// changed file is selected, <c>paths-ignore</c> when at least one is not ignored; no changed file never passes.
/// </summary>
internal static class PathFilters
{
    private const int ListedFiles = 10;

    public static TriggerMatch? Match(WorkflowEvent declared, TriggeringEvent e)
    {
        if ((Filter.From(declared, "paths") ?? Filter.From(declared, "paths-ignore")) is not { } filter)
        {
            return null;
        }

        if (filter.List is null)
        {
            return new(false, $"on.{e.Name}.{filter.Error}");
        }

        var files = e.ChangedFiles;
        if (files.Count == 0)
        {
            return new(false, $"no files changed, so {filter.List} cannot match");
        }

        if (filter.List.Passes(files, out var decisive))
        {
            var verb = filter.List.IsIgnore ? "is not ignored by" : "matches";
            return new(true, $"changed file '{decisive}' {verb} {filter.List}");
        }

        var verbs = filter.List.IsIgnore ? "are all ignored by" : "match";
        var prefix = filter.List.IsIgnore ? string.Empty : "none of ";
        return new(false, $"{prefix}the changed files {List(files)} {verbs} {filter.List}");
    }

    private static string List(IReadOnlyList<string> files)
    {
        var shown = FilterList.Quote(files.Take(ListedFiles));
        return files.Count <= ListedFiles ? shown : $"{shown[..^1]}, ... {files.Count - ListedFiles} more]";
    }
}
