using System.Text.Json.Nodes;

namespace Slipway.Core.Runtime.Reporting;

/// <summary>The report's last masking pass: a copy of a JSON document with every string value and property name masked.</summary>
internal static class ReportMasking
{
    public static JsonNode? Mask(JsonNode? node, Func<string, string> mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    // Two names masked to the same text keep the last value rather than failing the whole report.
                    copy[mask(name)] = Mask(value, mask);
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Mask(item, mask))]);
            case JsonValue value when value.TryGetValue<string>(out var text):
                return JsonValue.Create(mask(text));
            default:
                return node?.DeepClone();
        }
    }
}
