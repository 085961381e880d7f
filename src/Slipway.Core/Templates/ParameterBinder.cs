using Slipway.Core.Diagnostics;
using Slipway.Core.Yaml;

namespace Slipway.Core.Templates;

/// <summary>
/// Matches the values passed to a template (or given for runtime parameters) against its declarations:
/// unknown and missing parameters, types and allowed values (AZP-TPL-10..14).
/// </summary>
internal static class ParameterBinder
{
    public static ParameterSet Bind(
        ParameterDeclarations declarations, IReadOnlyList<YamlEntry> passed, string templateName, SourceLocation reference, DiagnosticBag diagnostics)
    {
        var set = new ParameterSet { IsStrict = declarations.IsStrict };
        var used = new bool[passed.Count];
        foreach (var declaration in declarations.Items)
        {
            if (Find(passed, declaration.Name, used) is { } entry)
            {
                var value = ParameterTypes.Convert(declaration, entry.Value, diagnostics);
                set.Set(new BoundParameter(declaration.Name, declaration.Type, value));
            }
            else if (declaration.Default is not null || declarations.IsLegacy)
            {
                var value = ParameterTypes.Convert(declaration, declaration.Default, diagnostics);
                set.Set(new BoundParameter(declaration.Name, declaration.Type, value));
            }
            else
            {
                diagnostics.Error(TemplateDiagnosticCodes.MissingParameter,
                    $"A value for the '{declaration.Name}' parameter must be provided (it has no default in '{templateName}').", reference);
            }
        }

        foreach (var extra in passed.Where((_, i) => !used[i]))
        {
            if (declarations.IsLegacy)
            {
                // Legacy (mapping-form) templates accept parameters they do not declare.
                set.Set(new BoundParameter(extra.Key.Value, ParameterType.Legacy, extra.Value));
                continue;
            }

            diagnostics.Error(TemplateDiagnosticCodes.UnexpectedParameter,
                $"Unexpected parameter '{extra.Key.Value}': '{templateName}' does not declare it.", extra.Key.Location);
        }

        return set;
    }

    /// <summary>The last passed entry with this name (names are case-insensitive; a later one wins), marking all of them used.</summary>
    private static YamlEntry? Find(IReadOnlyList<YamlEntry> passed, string name, bool[] used)
    {
        YamlEntry? found = null;
        for (var i = 0; i < passed.Count; i++)
        {
            if (string.Equals(passed[i].Key.Value, name, StringComparison.OrdinalIgnoreCase))
            {
                found = passed[i];
                used[i] = true;
            }
        }

        return found;
    }

    /// <summary>Binds the root file's runtime parameters to <c>--param name=value</c> texts.</summary>
    public static ParameterSet BindRuntime(
        ParameterDeclarations declarations, IReadOnlyDictionary<string, string> values, TemplateSource root, DiagnosticBag diagnostics)
    {
        var where = new SourceLocation(root.DisplayName, 0, 0);
        var declared = declarations.Items.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
        var passed = new List<YamlEntry>();
        foreach (var (name, text) in values)
        {
            var key = new YamlScalar(name, ScalarStyle.Plain, where);
            if (!declared.TryGetValue(name, out var declaration))
            {
                diagnostics.Error(TemplateDiagnosticCodes.UnexpectedParameter,
                    $"Unexpected parameter '{name}' given with --param: the pipeline does not declare it.", where);
                continue;
            }

            passed.Add(new YamlEntry(key, ParseCommandLineValue(declaration, name, text, where, diagnostics)));
        }

        return Bind(declarations with { IsLegacy = false }, passed, root.DisplayName, where, diagnostics);
    }

    private static YamlNode ParseCommandLineValue(
        ParameterDeclaration declaration, string name, string text, SourceLocation where, DiagnosticBag diagnostics)
    {
        if (declaration.Type is ParameterType.String or ParameterType.Number or ParameterType.Boolean or ParameterType.Legacy)
        {
            return new YamlScalar(text, ScalarStyle.DoubleQuoted, where);
        }

        // Structured runtime parameters are given as YAML (or JSON) text.
        var loaded = YamlLoader.Load(text, $"--param {name}", YamlLoadOptions.AzurePipelines);
        diagnostics.AddRange(loaded.Diagnostics);
        return loaded.Root ?? new YamlScalar(string.Empty, ScalarStyle.Plain, where);
    }
}
