using Slipway.Core.Diagnostics;
using Slipway.Core.Yaml;

namespace Slipway.Core.Templates;

/// <summary>
/// The bridge to the expression engine: evaluates <c>${{ }}</c> values, keys, conditions and
/// <c>each</c> collections in the compile-time context (parameters, variables, each-locals).
/// </summary>
internal sealed class TemplateExpressions(DiagnosticBag diagnostics)
{
    public YamlNode EvaluateValue(YamlScalar scalar, ExpansionContext ctx)
    {
        _ = ctx;
        NotYet(scalar.Location);
        return scalar;
    }

    public YamlScalar? EvaluateKey(YamlScalar key, ExpansionContext ctx)
    {
        _ = ctx;
        NotYet(key.Location);
        return key;
    }

    public bool Condition(string expression, SourceLocation where, ExpansionContext ctx)
    {
        _ = (expression, ctx);
        NotYet(where);
        return false;
    }

    public IEnumerable<ExpansionContext> Each(Directive directive, SourceLocation where, ExpansionContext ctx)
    {
        _ = (directive, ctx);
        NotYet(where);
        return [];
    }

    private void NotYet(SourceLocation where) =>
        diagnostics.Error(TemplateDiagnosticCodes.Expression, "Template expressions are not available yet.", where);
}
