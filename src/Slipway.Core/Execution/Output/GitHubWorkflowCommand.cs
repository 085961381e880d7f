namespace Slipway.Core.Execution.Output;

/// <summary>A parsed <c>::name k=v,k=v::data</c> (or legacy <c>##[name k=v;]data</c>) workflow command,
/// escapes decoded (GHA-CMD-1). Property keys compare case-insensitively.</summary>
internal sealed record GitHubWorkflowCommand(string Name, IReadOnlyDictionary<string, string> Properties, string Data)
{
    public string? Property(string name) => Properties.TryGetValue(name, out var value) ? value : null;
}
