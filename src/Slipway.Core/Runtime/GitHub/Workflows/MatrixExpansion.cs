using Slipway.Core.Diagnostics;
using Slipway.Core.Expressions.GitHub;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Runtime.GitHub.Contexts;

namespace Slipway.Core.Runtime.GitHub.Workflows;

/// <summary>One job of a matrix: its <c>matrix</c> context and the values shown in its name (<c>build (ubuntu, 20)</c>).</summary>
internal sealed record MatrixLeg(ObjectValue Values, IReadOnlyList<string> NameSegments)
{
    /// <summary>The leg's display name: <c>name (a, b)</c>, or the name alone when there are no scalar values.</summary>
    public string DisplayName(string jobName) => NameSegments.Count == 0 ? jobName : $"{jobName} ({string.Join(", ", NameSegments)})";
}

/// <summary>
/// Expands <c>strategy.matrix</c> as GitHub does (GHA-JOB-5): the cross product of the vectors in key
/// order; combinations matching an <c>exclude</c> entry (every leaf of the entry equal) are dropped;
/// each <c>include</c> entry adds its non-vector keys to every combination whose vector values it
/// matches (later entries overwrite values added by earlier ones, never the vector values); an
/// include entry that matched nothing becomes a combination of its own; at most 256 legs.
/// </summary>
internal static class MatrixExpansion
{
    public const int MaxLegs = 256;

    /// <summary>The legs; an empty list when <paramref name="matrix"/> is null (the job is not a matrix).</summary>
    public static Evaluated<IReadOnlyList<MatrixLeg>> Expand(ExpressionValue matrix, SourceLocation location)
    {
        if (matrix is NullValue)
        {
            return Array.Empty<MatrixLeg>();
        }

        if (matrix is not ObjectValue definition)
        {
            return Error("The matrix must be a mapping of vectors (with optional include and exclude).", location);
        }

        var vectors = new List<KeyValuePair<string, IReadOnlyList<ExpressionValue>>>();
        var include = new List<ObjectValue>();
        var exclude = new List<ObjectValue>();
        foreach (var (key, value) in definition.Entries)
        {
            var isFilter = key is "include" or "exclude";
            IReadOnlyList<ExpressionValue> items = value switch
            {
                ArrayValue array => array.Items,
                NullValue when isFilter => [],
                _ when isFilter => [],
                _ => [value],
            };
            if (!isFilter && value is not ArrayValue)
            {
                return Error($"Matrix vector '{key}' must be a sequence.", location);
            }

            if (isFilter)
            {
                var target = key == "include" ? include : exclude;
                foreach (var item in items)
                {
                    if (item is not ObjectValue entry || entry.Count == 0)
                    {
                        return Error($"Each matrix {key} entry must be a non-empty mapping.", location);
                    }

                    target.Add(entry);
                }
            }
            else if (items.Count == 0)
            {
                return Error($"Matrix vector '{key}' does not contain any values", location);
            }
            else
            {
                vectors.Add(KeyValuePair.Create(key, items));
            }
        }

        var legs = Build(vectors, include, exclude);
        if (legs.Count > MaxLegs)
        {
            return Error($"The matrix has {legs.Count} combinations; GitHub allows at most {MaxLegs} jobs per matrix.", location);
        }

        return legs.Count == 0
            ? Error("The matrix does not produce any job: every combination is excluded.", location)
            : legs;
    }

    private static List<MatrixLeg> Build(List<KeyValuePair<string, IReadOnlyList<ExpressionValue>>> vectors, List<ObjectValue> include, List<ObjectValue> exclude)
    {
        var vectorKeys = vectors.Select(v => v.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var filters = include.Select(entry => (
            Filter: new ObjectValue(entry.Entries.Where(e => vectorKeys.Contains(e.Key))),
            Extra: entry.Entries.Where(e => !vectorKeys.Contains(e.Key)).ToList())).ToList();
        var matched = new bool[filters.Count];
        var legs = new List<MatrixLeg>();
        var total = vectors.Count == 0 ? 0 : vectors.Aggregate(1L, (n, v) => n * v.Value.Count);
        for (long index = 0; index < total && legs.Count <= MaxLegs; index++)
        {
            var combination = Combination(vectors, total, index);
            if (exclude.Any(e => Matches(e, combination)))
            {
                continue;
            }

            var values = new List<KeyValuePair<string, ExpressionValue>>(combination.Entries);
            for (var i = 0; i < filters.Count; i++)
            {
                if (Matches(filters[i].Filter, combination))
                {
                    matched[i] = true;
                    values.AddRange(filters[i].Extra);
                }
            }

            legs.Add(new MatrixLeg(new ObjectValue(values), Segments(combination)));
        }

        for (var i = 0; i < filters.Count; i++)
        {
            if (!matched[i])
            {
                legs.Add(new MatrixLeg(include[i], Segments(include[i])));
            }
        }

        return legs;
    }

    private static ObjectValue Combination(List<KeyValuePair<string, IReadOnlyList<ExpressionValue>>> vectors, long total, long index)
    {
        var entries = new List<KeyValuePair<string, ExpressionValue>>(vectors.Count);
        var block = total;
        foreach (var (key, items) in vectors)
        {
            block /= items.Count;
            entries.Add(KeyValuePair.Create(key, items[(int)(index / block % items.Count)]));
        }

        return new ObjectValue(entries);
    }

    /// <summary>True when every leaf of <paramref name="filter"/> equals the value at the same path (GitHub's <c>==</c>).</summary>
    private static bool Matches(ExpressionValue filter, ExpressionValue value) => filter switch
    {
        ObjectValue o => o.Entries.All(e => Matches(e.Value, value is ObjectValue v ? v[e.Key] : ExpressionValue.Null)),
        ArrayValue a => a.Items.Select((item, i) => Matches(item, value is ArrayValue v && i < v.Count ? v.Items[i] : ExpressionValue.Null)).All(m => m),
        _ => GitHubCoercion.AreEqual(value, filter),
    };

    /// <summary>The scalar values of a combination, depth first, as GitHub names matrix jobs.</summary>
    private static List<string> Segments(ExpressionValue value)
    {
        var segments = new List<string>();
        void Walk(ExpressionValue v)
        {
            switch (v)
            {
                case ObjectValue o:
                    o.Entries.ToList().ForEach(e => Walk(e.Value));
                    break;
                case ArrayValue a:
                    a.Items.ToList().ForEach(Walk);
                    break;
                case BooleanValue or NumberValue or StringValue:
                    var text = GitHubCoercion.ToDisplayString(v);
                    if (text.Length > 0)
                    {
                        segments.Add(text);
                    }

                    break;
            }
        }

        Walk(value);
        return segments;
    }

    private static Evaluated<IReadOnlyList<MatrixLeg>> Error(string message, SourceLocation location) =>
        Diagnostic.Error(WorkflowRunDiagnosticCodes.Matrix, message, location);
}
