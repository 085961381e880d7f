using System.Text.RegularExpressions;
using Slipway.Core.Diagnostics;
using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Azure;
using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Templates;

internal sealed partial class TemplateExpressions
{
    private static readonly string[] ContextNames = ["parameters", "variables"];

    private readonly ParameterReferences _references = new();

    /// <summary>The value, or null after reporting why it could not be computed.</summary>
    private ExpressionValue? Evaluate(string text, SourceLocation where, ExpansionContext ctx)
    {
        if (Parse(text, where, ctx) is not { } parsed)
        {
            return null;
        }

        if (_references.FirstUndeclared(parsed, ctx.Parameters) is { } undeclared)
        {
            diagnostics.Error(TemplateDiagnosticCodes.UndefinedParameter,
                $"Unexpected parameter reference 'parameters.{undeclared}': '{ctx.File.DisplayName}' does not declare it.", where);
            return null;
        }

        var result = parsed.Evaluate(_values.Context(ctx));
        if (result.Error is { } error)
        {
            diagnostics.Add(error with { Location = where });
            return null;
        }

        return result.Value;
    }

    private ParsedExpression? Parse(string text, SourceLocation where, ExpansionContext ctx)
    {
        var key = ctx.Locals is null ? text : ctx.Locals.Key + "|" + text;
        if (_parsed.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var names = new List<string>(ContextNames);
        for (var local = ctx.Locals; local is not null; local = local.Parent)
        {
            names.Add(local.Name);
        }

        var options = new ExpressionParseOptions { NamedValues = names, Location = where };
        var result = AzureExpression.Parse(text, options);
        if (result.Expression is { } parsed)
        {
            _parsed[key] = parsed;
            return parsed;
        }

        if (RuntimeOnlyName(text) is { } name)
        {
            diagnostics.Error(TemplateDiagnosticCodes.RuntimeOnly,
                $"'{name}' is only known at run time and cannot be used in a template expression '${{{{ {text} }}}}'; use it in a condition or a $[ ] variable instead.",
                where);
        }
        else
        {
            diagnostics.AddRange(result.Diagnostics);
        }

        return null;
    }

    private static string? RuntimeOnlyName(string text)
    {
        var match = RuntimeOnlyPattern().Match(text);
        return match.Success ? match.Groups["name"].Value : null;
    }

    [GeneratedRegex(@"(?<![\w.'])((?<name>always|canceled|failed|succeeded|succeededOrFailed|counter)\s*\(|(?<name>dependencies|stageDependencies|pipeline|resources)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RuntimeOnlyPattern();
}
