using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Values;
using static Slipway.Core.Tests.Expressions.ExpressionTestSupport;

namespace Slipway.Core.Tests.Expressions;

/// <summary>
/// Every row of Conformance/azure-pipelines/expressions.tsv (results of Microsoft's own engine, see SOURCE).
/// Values must be equal; where an error is expected, the same error message must be produced.
/// Rows in skip.tsv are known mismatches: they must still fail, so the list stays exact.
/// </summary>
public sealed class AzureConformanceTests
{
    private static readonly Lazy<EvaluationContext> Context = new(() =>
        ContextFromJson(File.ReadAllText(ConformancePath("azure-pipelines", "expressions-context.json"))));

    private static readonly Lazy<Dictionary<string, string>> Skips = new(() =>
        File.ReadAllLines(ConformancePath("azure-pipelines", "skip.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal));

    public static TheoryData<int, string, string> Rows()
    {
        var data = new TheoryData<int, string, string>();
        var lines = File.ReadAllLines(ConformancePath("azure-pipelines", "expressions.tsv"));
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#') || lines[i].Length == 0)
            {
                continue;
            }

            var columns = lines[i].Split('\t');
            data.Add(i + 1, columns[0], columns[1]);
        }

        return data;
    }

    [Fact]
    public void AZP_EXPR_Conformance_FileHasAllRows() => Assert.Equal(3181, Rows().Count);

    [Theory]
    [MemberData(nameof(Rows))]
    public void AZP_EXPR_Conformance(int line, string expression, string expected)
    {
        var failure = Check(expression, expected);
        if (Skips.Value.TryGetValue(expression, out var reason))
        {
            Assert.True(failure is not null, $"Line {line} is in skip.tsv ({reason}) but now passes: remove it from the list.");
            return;
        }

        Assert.True(failure is null, $"Line {line}: {expression}: {failure}");
    }

    private static string? Check(string expression, string expected)
    {
        var (value, error) = EvaluateAzure(expression, Context.Value);
        if (expected.StartsWith("error: ", StringComparison.Ordinal))
        {
            var message = expected["error: ".Length..];
            return error == message ? null : $"expected error '{message}', got {(error is null ? value : $"error '{error}'")}";
        }

        if (error is not null)
        {
            return $"expected {expected}, got error '{error}'";
        }

        Assert.True(ValueJson.TryParse(expected, out var want, out var parseError), parseError);
        var got = Encode(value!);
        return DeepEquals(got, want) ? null : $"expected {expected}, got {got}";
    }

    /// <summary>The data file writes a version as the string "&lt;Version 1.2.3&gt;".</summary>
    private static ExpressionValue Encode(ExpressionValue value) => value switch
    {
        VersionValue v => new StringValue($"<Version {v.Value}>"),
        ArrayValue a => new ArrayValue(a.Items.Select(Encode).ToList()),
        ObjectValue o => new ObjectValue(o.Entries.Select(e => KeyValuePair.Create(e.Key, Encode(e.Value)))),
        _ => value,
    };
}
