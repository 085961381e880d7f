using System.Text.Json;
using Slipway.Core.Expressions;
using Slipway.Core.Expressions.GitHub;
using Slipway.Core.Expressions.Values;
using static Slipway.Core.Tests.Expressions.ExpressionTestSupport;

namespace Slipway.Core.Tests.Expressions;

/// <summary>
/// Every case of Conformance/github-actions/expressions/*.json (GitHub's cross-implementation test data, see SOURCE),
/// compared as GitHub's own harness does: same kind and JSON value, or an error of the same stage whose message
/// contains the expected text. Cases in skip.tsv are known mismatches and must still fail.
/// </summary>
public sealed class GitHubConformanceTests
{
    private static readonly Lazy<Dictionary<string, string>> Skips = new(() =>
        File.ReadAllLines(ConformancePath("github-actions", "skip.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToDictionary(p => $"{p[0]}\t{p[1]}\t{p[2]}", p => p.Length > 3 ? p[3] : string.Empty, StringComparer.Ordinal));

    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var path in Directory.GetFiles(ConformancePath("github-actions", "expressions"), "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            foreach (var group in doc.RootElement.EnumerateObject().Where(g => g.Value.ValueKind == JsonValueKind.Array))
            {
                for (var i = 0; i < group.Value.GetArrayLength(); i++)
                {
                    data.Add(Path.GetFileName(path), group.Name, i);
                }
            }
        }

        return data;
    }

    [Fact]
    public void GHA_EXPR_Conformance_AllFilesAndCasesAreLoaded()
    {
        var cases = Cases().Select(row => (string)row[0]).ToList();
        Assert.Equal(28, Directory.GetFiles(ConformancePath("github-actions", "expressions"), "*.json").Length);
        Assert.Equal(1020, cases.Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GHA_EXPR_Conformance(string file, string group, int index)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ConformancePath("github-actions", "expressions", file)));
        var testCase = doc.RootElement.GetProperty(group)[index];
        var failure = Check(testCase);
        if (Skips.Value.TryGetValue($"{file}\t{group}\t{index}", out var reason))
        {
            Assert.True(failure is not null, $"{file} {group}[{index}] is in skip.tsv ({reason}) but now passes: remove it from the list.");
            return;
        }

        Assert.True(failure is null, $"{file} {group}[{index}] {testCase.GetProperty("expr")}: {failure}");
    }

    private static string? Check(JsonElement testCase)
    {
        var expr = testCase.GetProperty("expr").GetString()!;
        var context = testCase.TryGetProperty("contexts", out var contexts)
            ? EvaluationContext.FromObject((ObjectValue)ValueJson.FromElement(contexts))
            : EvaluationContext.Empty;
        var parsed = GitHubExpression.Parse(expr, new ExpressionParseOptions { NamedValues = context.Names.ToList() });
        var result = parsed.Expression?.Evaluate(context);
        var parseError = parsed.Diagnostics.Count > 0 ? parsed.Diagnostics[0].Message : null;
        var evalError = result?.Error?.Message;
        if (testCase.TryGetProperty("err", out var err))
        {
            var stage = err.GetProperty("kind").GetString();
            var expected = err.GetProperty("value").GetString()!;
            var actual = stage == "evaluation" ? evalError : parseError;
            return actual is not null && actual.Contains(expected, StringComparison.Ordinal)
                ? null
                : $"expected {stage} error containing '{expected}', got parse error '{parseError}', evaluation error '{evalError}', value {result?.Value}";
        }

        if (parseError is not null || evalError is not null)
        {
            return $"unexpected error: {parseError ?? evalError}";
        }

        var want = testCase.GetProperty("result");
        var kind = want.GetProperty("kind").GetString();
        var wantValue = ValueJson.FromElement(want.GetProperty("value"));
        var got = result!.Value;
        return KindName(got) == kind && DeepEquals(Normalize(got), Normalize(wantValue))
            ? null
            : $"expected {kind} {wantValue}, got {KindName(got)} {got}";
    }

    private static string KindName(ExpressionValue value) => value.Kind switch
    {
        ValueKind.Null => "Null",
        ValueKind.Boolean => "Boolean",
        ValueKind.Number => "Number",
        ValueKind.Array => "Array",
        ValueKind.Object => "Object",
        _ => "String",
    };

    /// <summary>GitHub's harness compares JSON.stringify output: -0 is 0, NaN and Infinity are null.</summary>
    private static ExpressionValue Normalize(ExpressionValue value) => value switch
    {
        NumberValue n when !double.IsFinite(n.Value) => ExpressionValue.Null,
        NumberValue n when n.Value == 0 => new NumberValue(0),
        ArrayValue a => new ArrayValue(a.Items.Select(Normalize).ToList()),
        ObjectValue o => new ObjectValue(o.Entries.Select(e => KeyValuePair.Create(e.Key, Normalize(e.Value)))),
        _ => value,
    };
}
