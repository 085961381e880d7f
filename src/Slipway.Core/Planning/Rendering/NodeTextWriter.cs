using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Slipway.Core.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using CoreScalarStyle = YamlDotNet.Core.ScalarStyle;
using YamlScalarStyle = Slipway.Core.Yaml.ScalarStyle;

namespace Slipway.Core.Planning.Rendering;

/// <summary>Writes a node tree as YAML or JSON text. Strings marked as text are quoted only when YAML would misread them.</summary>
internal static class NodeTextWriter
{
    public static string ToYaml(YamlNode node)
    {
        using var writer = new StringWriter();
        var emitter = new Emitter(writer, new EmitterSettings(2, int.MaxValue, false, 1024, true, true, "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        Emit(emitter, node);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Emit(IEmitter emitter, YamlNode node)
    {
        switch (node)
        {
            case YamlMapping map:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block));
                foreach (var entry in map.Entries)
                {
                    emitter.Emit(new Scalar(entry.Key.Value));
                    Emit(emitter, entry.Value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case YamlSequence list:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, list.Items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in list.Items)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case YamlScalar scalar:
                emitter.Emit(ScalarEvent(scalar));
                break;
        }
    }

    private static Scalar ScalarEvent(YamlScalar scalar)
    {
        if (scalar.Style != YamlScalarStyle.DoubleQuoted)
        {
            return new Scalar(scalar.Value);
        }

        var text = scalar.Value;
        if (text.Contains('\n', StringComparison.Ordinal))
        {
            return new Scalar(AnchorName.Empty, TagName.Empty, text, CoreScalarStyle.Literal, true, false);
        }

        var plainIsSafe = text.Length > 0 && !LooksTyped(text);
        return plainIsSafe
            ? new Scalar(AnchorName.Empty, TagName.Empty, text, CoreScalarStyle.Any, true, true)
            : new Scalar(AnchorName.Empty, TagName.Empty, text, CoreScalarStyle.SingleQuoted, false, true);
    }

    private static bool LooksTyped(string text) =>
        text is "~" or "null" or "Null" or "NULL" or "true" or "True" or "TRUE" or "false" or "False" or "FALSE"
            or "y" or "Y" or "yes" or "Yes" or "YES" or "n" or "N" or "no" or "No" or "NO" or "on" or "On" or "ON" or "off" or "Off" or "OFF"
        || double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
        || text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || text.StartsWith("0o", StringComparison.OrdinalIgnoreCase);

    public static string ToJson(YamlNode node)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteJson(json, node);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteJson(Utf8JsonWriter json, YamlNode node)
    {
        switch (node)
        {
            case YamlMapping map:
                json.WriteStartObject();
                foreach (var entry in map.Entries)
                {
                    json.WritePropertyName(entry.Key.Value);
                    WriteJson(json, entry.Value);
                }

                json.WriteEndObject();
                break;
            case YamlSequence list:
                json.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteJson(json, item);
                }

                json.WriteEndArray();
                break;
            case YamlScalar { Style: YamlScalarStyle.Plain } s when s.Value is "true" or "false":
                json.WriteBooleanValue(s.Value == "true");
                break;
            case YamlScalar { Style: YamlScalarStyle.Plain } s when long.TryParse(s.Value, out var number):
                json.WriteNumberValue(number);
                break;
            case YamlScalar s:
                json.WriteStringValue(s.Value);
                break;
        }
    }
}
