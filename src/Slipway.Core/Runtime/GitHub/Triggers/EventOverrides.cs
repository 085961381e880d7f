using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.Core.Runtime.GitHub.Triggers;

/// <summary>
/// What a <c>--payload</c> file changes besides the payload itself: its <c>ref</c> (and a push's <c>after</c>),
/// a pull request's number and branches, so <c>github.ref</c>, <c>github.base_ref</c>... agree with <c>github.event</c>.
/// </summary>
internal static class EventOverrides
{
    public static TriggeringEvent Apply(TriggeringEvent e)
    {
        var payload = e.Payload;
        if (EventNames.IsPullRequest(e.Name))
        {
            var number = PullRequestNumber(payload);
            return e with
            {
                Ref = number is { } n ? PullRequestEvent.MergeRef(n) : e.Ref,
                BaseRef = Text(payload["pull_request"]?["base"]?["ref"]) ?? e.BaseRef,
                HeadRef = Text(payload["pull_request"]?["head"]?["ref"]) ?? e.HeadRef,
            };
        }

        return e with
        {
            Ref = Text(payload["ref"]) ?? e.Ref,
            Sha = e.Name == EventNames.Push ? Text(payload["after"]) ?? e.Sha : e.Sha,
        };
    }

    /// <summary>The pull request number a payload gives (<c>number</c>, else <c>pull_request.number</c>).</summary>
    public static long? PullRequestNumber(JsonObject payload) => Number(payload["number"]) ?? Number(payload["pull_request"]?["number"]);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static long? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var n) ? n : null;
}
