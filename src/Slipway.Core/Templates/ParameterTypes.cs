using System.Globalization;
using Slipway.Core.Diagnostics;
using Slipway.Core.Yaml;

namespace Slipway.Core.Templates;

/// <summary>Checks a parameter value against its declared type and allowed values, and normalises typed scalars.</summary>
internal static class ParameterTypes
{
    private const NumberStyles NumberStyle = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign
        | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowThousands | NumberStyles.AllowExponent;

    private static readonly string[] StepKeys =
        ["task", "script", "bash", "pwsh", "powershell", "checkout", "download", "downloadBuild", "getPackage", "publish", "reviewApp", "template"];

    private static readonly string[] JobKeys = ["job", "deployment", "template"];
    private static readonly string[] DeploymentKeys = ["deployment", "template"];
    private static readonly string[] StageKeys = ["stage", "template"];

    public static YamlNode? Convert(ParameterDeclaration declaration, YamlNode? value, DiagnosticBag diagnostics)
    {
        var isNull = value is null or YamlScalar { IsNull: true };
        return declaration.Type switch
        {
            ParameterType.Legacy or ParameterType.Object => value,
            ParameterType.String => CheckScalar(declaration, value, isNull ? string.Empty : null, diagnostics),
            ParameterType.Number => CheckNumber(declaration, value, isNull, diagnostics),
            ParameterType.Boolean => CheckBoolean(declaration, value, isNull, diagnostics),
            ParameterType.Step => isNull ? null : CheckItem(declaration, value!, StepKeys, "step", diagnostics),
            ParameterType.Job => isNull ? null : CheckItem(declaration, value!, JobKeys, "job", diagnostics),
            ParameterType.Deployment => isNull ? null : CheckItem(declaration, value!, DeploymentKeys, "deployment", diagnostics),
            ParameterType.Stage => isNull ? null : CheckItem(declaration, value!, StageKeys, "stage", diagnostics),
            ParameterType.StepList => CheckList(declaration, value, isNull, StepKeys, "step", diagnostics),
            ParameterType.JobList => CheckList(declaration, value, isNull, JobKeys, "job", diagnostics),
            ParameterType.DeploymentList => CheckList(declaration, value, isNull, DeploymentKeys, "deployment", diagnostics),
            ParameterType.StageList => CheckList(declaration, value, isNull, StageKeys, "stage", diagnostics),
            _ => value,
        };
    }

    public static bool TryParseNumber(string text, out double number) =>
        double.TryParse(text, NumberStyle, CultureInfo.InvariantCulture, out number);

    /// <summary>YAML 1.1 booleans as Azure Pipelines accepts them (AZP-TPL-12), any case.</summary>
    public static bool? ParseBoolean(string text) => text.ToUpperInvariant() switch
    {
        "TRUE" or "Y" or "YES" or "ON" => true,
        "FALSE" or "N" or "NO" or "OFF" => false,
        _ => null,
    };

    private static YamlScalar? CheckScalar(ParameterDeclaration declaration, YamlNode? value, string? nullText, DiagnosticBag diagnostics)
    {
        if (nullText is not null)
        {
            var where = value?.Location ?? declaration.Location;
            return CheckValues(declaration, new YamlScalar(nullText, ScalarStyle.DoubleQuoted, where), diagnostics);
        }

        if (value is not YamlScalar scalar)
        {
            WrongType(declaration, value!, "a single value, not a sequence or mapping", diagnostics);
            return null;
        }

        return CheckValues(declaration, scalar, diagnostics);
    }

    private static YamlScalar? CheckNumber(ParameterDeclaration declaration, YamlNode? value, bool isNull, DiagnosticBag diagnostics)
    {
        if (isNull)
        {
            return new YamlScalar("0", ScalarStyle.Plain, value?.Location ?? declaration.Location);
        }

        if (value is not YamlScalar scalar || !TryParseNumber(scalar.Value, out _))
        {
            WrongType(declaration, value!, "a number", diagnostics);
            return null;
        }

        return CheckValues(declaration, scalar, diagnostics);
    }

    private static YamlScalar? CheckBoolean(ParameterDeclaration declaration, YamlNode? value, bool isNull, DiagnosticBag diagnostics)
    {
        var where = value?.Location ?? declaration.Location;
        if (isNull)
        {
            return new YamlScalar("False", ScalarStyle.Plain, where);
        }

        if (value is not YamlScalar scalar || ParseBoolean(scalar.Value) is not { } flag)
        {
            WrongType(declaration, value!, "a boolean (true or false)", diagnostics);
            return null;
        }

        return new YamlScalar(flag ? "True" : "False", ScalarStyle.Plain, where);
    }

    private static YamlScalar? CheckValues(ParameterDeclaration declaration, YamlScalar scalar, DiagnosticBag diagnostics)
    {
        if (declaration.Values is not { } allowed)
        {
            return scalar;
        }

        var texts = allowed.Items.OfType<YamlScalar>().Select(s => s.Value).ToList();
        if (texts.Contains(scalar.Value, StringComparer.Ordinal) || IsSameNumber(declaration, scalar.Value, texts))
        {
            return scalar;
        }

        diagnostics.Error(TemplateDiagnosticCodes.ValueNotAllowed,
            $"'{scalar.Value}' is not an allowed value for parameter '{declaration.Name}'; allowed values: {string.Join(", ", texts)}.",
            scalar.Location);
        return null;
    }

    private static bool IsSameNumber(ParameterDeclaration declaration, string text, List<string> allowed) =>
        declaration.Type == ParameterType.Number && TryParseNumber(text, out var number)
        && allowed.Any(a => TryParseNumber(a, out var other) && other.Equals(number));

    private static YamlNode? CheckItem(ParameterDeclaration declaration, YamlNode value, string[] keys, string kind, DiagnosticBag diagnostics)
    {
        if (IsItem(value, keys))
        {
            return value;
        }

        WrongType(declaration, value, $"a {kind} (a mapping with one of: {string.Join(", ", keys)})", diagnostics);
        return null;
    }

    private static YamlSequence? CheckList(
        ParameterDeclaration declaration, YamlNode? value, bool isNull, string[] keys, string kind, DiagnosticBag diagnostics)
    {
        if (isNull)
        {
            return new YamlSequence([], value?.Location ?? declaration.Location);
        }

        if (value is not YamlSequence sequence)
        {
            WrongType(declaration, value!, $"a list of {kind}s", diagnostics);
            return null;
        }

        var ok = true;
        foreach (var item in sequence.Items.Where(i => !IsItem(i, keys)))
        {
            ok = false;
            WrongType(declaration, item, $"a list of {kind}s, and this item is not a {kind} (a mapping with one of: {string.Join(", ", keys)})", diagnostics);
        }

        return ok ? sequence : null;
    }

    private static bool IsItem(YamlNode value, string[] keys) =>
        value is YamlMapping map && map.Entries.Any(e => keys.Contains(e.Key.Value, StringComparer.Ordinal));

    private static void WrongType(ParameterDeclaration declaration, YamlNode value, string expected, DiagnosticBag diagnostics) =>
        diagnostics.Error(TemplateDiagnosticCodes.WrongParameterType,
            $"The value of parameter '{declaration.Name}' does not match its type '{TypeName(declaration.Type)}': expected {expected}.",
            value.Location);

    private static string TypeName(ParameterType type)
    {
        var name = type.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
