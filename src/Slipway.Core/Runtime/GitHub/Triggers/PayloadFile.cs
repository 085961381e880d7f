using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Core.Diagnostics;
using Slipway.Core.Runtime.GitHub.Contexts;
using Codes = Slipway.Core.Runtime.GitHub.Triggers.TriggerDiagnosticCodes;

namespace Slipway.Core.Runtime.GitHub.Triggers;

/// <summary>The <c>--payload FILE</c> JSON: read, checked to be an object, and merged over the payload built from git.</summary>
internal static class PayloadFile
{
    public static Evaluated<JsonObject> Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Diagnostic.Error(Codes.PayloadUnreadable, $"The event payload file cannot be read: {ex.Message}", new SourceLocation(path, 0, 0));
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            return Diagnostic.Error(Codes.PayloadInvalidJson, $"The event payload is not valid JSON: {FirstSentence(ex.Message)}", new SourceLocation(path, line, column));
        }

        if (node is JsonObject payload)
        {
            return payload;
        }

        var kind = node is null ? "null" : node.GetValueKind().ToString().ToLowerInvariant();
        return Diagnostic.Error(Codes.PayloadNotObject, $"The event payload must be a JSON object (like the webhook payload of the event), not {kind}.", Start(path, text));
    }

    /// <summary>Copies <paramref name="overrides"/> into <paramref name="target"/>: objects merge key by key, anything else replaces.</summary>
    public static void MergeInto(JsonObject target, JsonObject overrides)
    {
        foreach (var (key, value) in overrides)
        {
            if (value is JsonObject inner && target[key] is JsonObject existing)
            {
                MergeInto(existing, inner);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }

    private static SourceLocation Start(string path, string text)
    {
        var line = 1;
        var column = 1;
        foreach (var c in text.TakeWhile(char.IsWhiteSpace))
        {
            (line, column) = c == '\n' ? (line + 1, 1) : (line, column + 1);
        }

        return new SourceLocation(path, line, column);
    }
}
