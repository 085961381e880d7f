using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Expressions.Syntax;

/// <summary>
/// <c>x[i]</c>, <c>x.name</c> and the <c>*</c> filter. A miss yields null. Applied to a filtered array,
/// the index applies to every element and the results are collected (<c>foo.*.id</c>).
/// </summary>
internal sealed class IndexNode(ExpressionNode target, ExpressionNode? index, bool isWildcard, ExpressionDialect dialect, int position)
    : ExpressionNode(position)
{
    public ExpressionNode Target { get; } = target;

    /// <summary>The index expression; null for a wildcard.</summary>
    public ExpressionNode? Index { get; } = index;

    public bool IsWildcard { get; } = isWildcard;

    public override ExpressionValue Evaluate(EvaluationContext context)
    {
        var target = Target.Evaluate(context);
        var index = Index?.Evaluate(context) ?? ExpressionValue.Null;
        if (target is ArrayValue { IsFiltered: true } filtered)
        {
            return ApplyToEach(filtered, index);
        }

        if (IsWildcard)
        {
            return target switch
            {
                ArrayValue a => new ArrayValue(a.Items, isFiltered: true),
                ObjectValue o => new ArrayValue(o.Entries.Select(e => e.Value).ToList(), isFiltered: true),
                _ => dialect == ExpressionDialect.GitHubActions ? new ArrayValue([], isFiltered: true) : ExpressionValue.Null,
            };
        }

        return Lookup(target, index);
    }

    private ArrayValue ApplyToEach(ArrayValue filtered, ExpressionValue index)
    {
        var results = new List<ExpressionValue>();
        foreach (var item in filtered.Items)
        {
            if (IsWildcard)
            {
                if (item is ArrayValue a)
                {
                    results.AddRange(a.Items);
                }
                else if (item is ObjectValue o)
                {
                    results.AddRange(o.Entries.Select(e => e.Value));
                }
            }
            else if (item is ArrayValue or ObjectValue && TryLookup(item, index, out var found))
            {
                results.Add(found);
            }
        }

        return new ArrayValue(results, isFiltered: true);
    }

    private ExpressionValue Lookup(ExpressionValue target, ExpressionValue index) =>
        TryLookup(target, index, out var found) ? found : ExpressionValue.Null;

    private bool TryLookup(ExpressionValue target, ExpressionValue index, out ExpressionValue found)
    {
        found = ExpressionValue.Null;
        if (target is ObjectValue obj)
        {
            return TryGetKey(index, out var key) && obj.TryGetValue(key, out found);
        }

        if (target is ArrayValue array && TryGetInteger(index, out var i) && i < array.Count)
        {
            found = array.Items[i];
            return true;
        }

        return false;
    }

    private bool TryGetKey(ExpressionValue index, out string key)
    {
        if (dialect == ExpressionDialect.GitHubActions)
        {
            return GitHub.GitHubCoercion.TryGetIndexKey(index, out key);
        }

        return Azure.AzureCoercion.TryToString(index, out key);
    }

    private bool TryGetInteger(ExpressionValue index, out int result)
    {
        result = 0;
        double d;
        if (dialect == ExpressionDialect.GitHubActions)
        {
            if (!GitHub.GitHubCoercion.TryGetIndexNumber(index, out d))
            {
                return false;
            }
        }
        else if (index is NumberValue n)
        {
            d = n.Value;
        }
        else if (index is not StringValue { Value.Length: > 0 } || !Azure.AzureCoercion.TryToNumber(index, out d))
        {
            return false;
        }

        if (d < 0 || d >= int.MaxValue || double.IsNaN(d) || (dialect == ExpressionDialect.AzurePipelines && d != Math.Floor(d)))
        {
            return false;
        }

        result = (int)Math.Floor(d);
        return true;
    }
}
