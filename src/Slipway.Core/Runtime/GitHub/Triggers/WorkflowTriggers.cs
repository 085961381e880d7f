using Slipway.Core.Pipelines.GitHub.Model;

namespace Slipway.Core.Runtime.GitHub.Triggers;

/// <summary>
/// Decides whether an event triggers a workflow (GHA-WF-2..4): the event must be in <c>on:</c>; then its
/// <c>types</c>, branch or tag filters (a push of a tag is not matched by branch-only filters and vice
/// versa; pull requests match their base branch) and path filters (not evaluated for tags) must pass.
/// </summary>
internal static class WorkflowTriggers
{
    /// <summary>GitHub's activity types for pull requests when <c>types</c> is not given.</summary>
    private static readonly string[] DefaultPullRequestTypes = ["opened", "synchronize", "reopened"];

    public static TriggerMatch Match(Workflow workflow, TriggeringEvent e)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(e);
        if (workflow.Events[e.Name] is not { } declared)
        {
            var names = string.Join(", ", workflow.Events.Items.Select(i => i.Name));
            return new(false, $"event '{e.Name}' is not in on: [{names}]");
        }

        if (Types(declared, e) is { } typeMiss)
        {
            return typeMiss;
        }

        var refMatch = e.Name == EventNames.Push ? PushRef(declared, e)
            : EventNames.IsPullRequest(e.Name) ? BaseBranch(declared, e)
            : null;
        if (refMatch is { Triggered: false })
        {
            return refMatch;
        }

        var pathMatch = e.Name == EventNames.Push && e.RefType == "tag" ? null
            : e.Name == EventNames.Push || EventNames.IsPullRequest(e.Name) ? PathFilters.Match(declared, e)
            : null;
        if (pathMatch is { Triggered: false })
        {
            return pathMatch;
        }

        var reasons = new[] { refMatch?.Reason, pathMatch?.Reason }.OfType<string>().ToList();
        return new(true, reasons.Count == 0 ? $"event '{e.Name}' is in on:" : string.Join("; ", reasons));
    }

    private static TriggerMatch? Types(WorkflowEvent declared, TriggeringEvent e)
    {
        var types = declared.Filters.GetValueOrDefault("types")
            ?? (EventNames.IsPullRequest(e.Name) ? DefaultPullRequestTypes : null);
        if (types is null || e.Payload["action"]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            return null;
        }

        var action = e.Payload["action"]!.GetValue<string>();
        return types.Contains(action, StringComparer.Ordinal) ? null
            : new(false, $"{e.Name} activity type '{action}' is not in types {FilterList.Quote(types)}");
    }

    private static TriggerMatch? PushRef(WorkflowEvent declared, TriggeringEvent e)
    {
        var branches = RefFilter(declared, "branches");
        var tags = RefFilter(declared, "tags");
        if (branches is null && tags is null)
        {
            return null;
        }

        if (e.Ref.Length == 0)
        {
            return new(false, $"push has no branch or tag to match {Describe(branches, tags)}: there is no git commit to push");
        }

        if (!e.Ref.StartsWith("refs/", StringComparison.Ordinal))
        {
            return new(false, $"push of a detached HEAD ({e.Ref}) has no branch or tag to match {Describe(branches, tags)}; check out a branch or give the ref with --payload");
        }

        var isTag = e.RefType == "tag";
        var kind = isTag ? "tag" : "branch";
        var filter = isTag ? tags : branches;
        if (filter is null)
        {
            var other = isTag ? "branch" : "tag";
            return new(false, $"push of {kind} '{e.RefName}' does not trigger: on.push has only {other} filters ({Describe(branches, tags)})");
        }

        return Evaluate(filter, e.RefName, $"push to {kind} '{e.RefName}'");
    }

    private static TriggerMatch? BaseBranch(WorkflowEvent declared, TriggeringEvent e) =>
        RefFilter(declared, "branches") is { } filter ? Evaluate(filter, e.BaseRef, $"{e.Name} into base branch '{e.BaseRef}'") : null;

    private static TriggerMatch Evaluate(Filter filter, string name, string what)
    {
        if (filter.List is null)
        {
            return new(false, $"{what}: {filter.Error}");
        }

        var passes = filter.List.Passes([name], out _);
        var verb = filter.List.IsIgnore ? (passes ? "is not ignored by" : "is ignored by") : (passes ? "matches" : "does not match");
        return new(passes, $"{what} {verb} {filter.List}");
    }

    private static Filter? RefFilter(WorkflowEvent declared, string key) =>
        Filter.From(declared, key) ?? Filter.From(declared, key + "-ignore");

    private static string Describe(Filter? branches, Filter? tags) =>
        string.Join(", ", new[] { branches, tags }.OfType<Filter>().Select(f => $"{f.Key} {FilterList.Quote(f.Patterns)}"));
}
