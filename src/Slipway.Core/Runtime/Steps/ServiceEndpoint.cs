namespace Slipway.Core.Runtime.Steps;

/// <summary>
/// A service connection as a task sees it (the agent's ServiceEndpoint): id, url, authorization parameters and
/// data. Local runs have none until a step sets one with <c>##vso[task.setendpoint]</c> (AZP-LOG-19).
/// </summary>
internal sealed record ServiceEndpoint(Guid Id, string? Url, IReadOnlyDictionary<string, string> AuthParameters, IReadOnlyDictionary<string, string> Data)
{
    /// <summary>The scheme of an endpoint whose authorization was set by logging commands only.</summary>
    public const string DefaultScheme = "None";
}
