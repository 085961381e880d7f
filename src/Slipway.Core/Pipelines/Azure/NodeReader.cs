using System.Globalization;
using Slipway.Core.Diagnostics;
using Slipway.Core.Planning;
using Slipway.Core.Yaml;

namespace Slipway.Core.Pipelines.Azure;

/// <summary>
/// Typed reads of YAML nodes for the dialect: each read either returns a value or records a
/// diagnostic at the node and returns null, so one bad value never hides the rest of the file.
/// </summary>
internal sealed class NodeReader(DiagnosticBag diagnostics)
{
    private static readonly string[] TrueWords = ["true", "y", "yes", "on"];
    private static readonly string[] FalseWords = ["false", "n", "no", "off"];

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public void Error(string code, string message, YamlNode at) => Diagnostics.Error(code, message, at.Location);

    public void Warning(string code, string message, YamlNode at) => Diagnostics.Warning(code, message, at.Location);

    public YamlMapping? Mapping(YamlNode node, string what)
    {
        if (node is YamlMapping mapping)
        {
            return mapping;
        }

        Error(AzureDiagnosticCodes.WrongType, $"{what} must be a mapping (key: value pairs), not {Describe(node)}.", node);
        return null;
    }

    public YamlSequence? Sequence(YamlNode node, string what)
    {
        if (node is YamlSequence sequence)
        {
            return sequence;
        }

        Error(AzureDiagnosticCodes.WrongType, $"{what} must be a list, not {Describe(node)}.", node);
        return null;
    }

    /// <summary>A scalar as text; a YAML null reads as an empty string.</summary>
    public string? String(YamlNode node, string what)
    {
        if (node is YamlScalar scalar)
        {
            return scalar.IsNull ? string.Empty : scalar.Value;
        }

        Error(AzureDiagnosticCodes.WrongType, $"{what} must be a single value, not {Describe(node)}.", node);
        return null;
    }

    /// <summary>A non-empty scalar.</summary>
    public string? Required(YamlNode node, string what)
    {
        var text = String(node, what);
        if (text is { Length: 0 })
        {
            Error(AzureDiagnosticCodes.EmptyValue, $"{what} must not be empty.", node);
            return null;
        }

        return text;
    }

    public bool? Bool(YamlNode node, string what)
    {
        var text = String(node, what);
        if (text is null)
        {
            return null;
        }

        if (TrueWords.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        if (FalseWords.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        Error(AzureDiagnosticCodes.InvalidBoolean, $"{what} must be true or false, not '{text}'.{MacroHint(text)}", node);
        return null;
    }

    public int? Int(YamlNode node, string what, int min = 0, int max = int.MaxValue)
    {
        var text = String(node, what);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        var range = max == int.MaxValue ? $"a whole number of at least {min}" : $"a whole number from {min} to {max}";
        Error(AzureDiagnosticCodes.InvalidInteger, $"{what} must be {range}, not '{text}'.{MacroHint(text)}", node);
        return null;
    }

    /// <summary>A single value or a list of values (<c>dependsOn</c>, <c>demands</c>, branch lists).</summary>
    public IReadOnlyList<string> StringOrList(YamlNode node, string what)
    {
        if (node is YamlScalar scalar)
        {
            return scalar.IsNull ? [] : [scalar.Value];
        }

        return StringList(node, what);
    }

    public IReadOnlyList<string> StringList(YamlNode node, string what)
    {
        if (Sequence(node, what) is not { } sequence)
        {
            return [];
        }

        var items = new List<string>();
        foreach (var item in sequence.Items)
        {
            if (String(item, $"An item of {what}") is { } text)
            {
                items.Add(text);
            }
        }

        return items;
    }

    /// <summary>A mapping of plain values (<c>env</c>, <c>inputs</c>), in YAML order.</summary>
    public IReadOnlyList<NamedValue> StringMap(YamlNode node, string what)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return [];
        }

        if (Mapping(node, what) is not { } mapping)
        {
            return [];
        }

        var values = new List<NamedValue>();
        foreach (var entry in mapping.Entries)
        {
            if (String(entry.Value, $"'{entry.Key.Value}' in {what}") is { } text)
            {
                values.Add(new NamedValue(entry.Key.Value, text, entry.Key.Location));
            }
        }

        return values;
    }

    /// <summary>Reports every key not in <paramref name="allowed"/>, with the closest known key as a hint.</summary>
    public void Keys(YamlMapping mapping, IReadOnlyCollection<string> allowed, string what)
    {
        foreach (var entry in mapping.Entries)
        {
            if (!allowed.Contains(entry.Key.Value))
            {
                UnknownKey(entry.Key, allowed, what);
            }
        }
    }

    public void UnknownKey(YamlScalar key, IEnumerable<string> allowed, string what)
    {
        var hint = Suggest.Closest(key.Value, allowed) is { } near ? $" Did you mean '{near}'?" : string.Empty;
        Error(AzureDiagnosticCodes.UnknownKey, $"Unexpected key '{key.Value}' in {what}.{hint}", key);
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlMapping => "a mapping",
        YamlSequence => "a list",
        YamlScalar { IsNull: true } => "an empty value",
        YamlScalar s => $"the value '{Shorten(s.Value)}'",
        _ => "this value",
    };

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "..." : text;

    private static string MacroHint(string text) =>
        text.Contains("$(", StringComparison.Ordinal)
            ? " Macros ($(var)) are expanded at run time and cannot give a typed property its value; use a template expression ${{ }} or a parameter."
            : string.Empty;
}
