using Slipway.Core.Expressions;
using Slipway.Core.Expressions.GitHub;
using Slipway.Core.Expressions.Values;
using static Slipway.Core.Tests.Expressions.ExpressionTestSupport;

namespace Slipway.Core.Tests.Expressions;

/// <summary>Spec GHA-EXPR-* and GHA-FN-* rules not covered by the conformance files (host functions, display text, API).</summary>
public sealed class GitHubDialectTests
{
    private static ExpressionValue Gha(string text, string context = "{}", IExpressionHost? host = null, ExpressionParseOptions? options = null)
    {
        var values = ContextFromJson(context);
        options ??= new ExpressionParseOptions { NamedValues = values.Names.ToList() };
        var parsed = GitHubExpression.Parse(text, options);
        Assert.True(parsed.Succeeded, parsed.Diagnostics.Count > 0 ? parsed.Diagnostics[0].Message : null);
        var result = parsed.Expression!.Evaluate(new EvaluationContext(values.Names.Select(n => KeyValuePair.Create(n, values.GetNamedValue(n))), host));
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value;
    }

    [Fact]
    public void GHA_EXPR_4_EmptyExpressionIsNull() => Assert.True(Gha("").IsNull);

    [Fact]
    public void GHA_EXPR_6_AndOrReturnOperands()
    {
        Assert.Equal(2, ((NumberValue)Gha("true && 1 && 2")).Value);
        Assert.True(Gha("false || null").IsNull);
    }

    [Fact]
    public void GHA_EXPR_10_DisplayTextUsesLowerCaseBooleans()
    {
        Assert.Equal("true", Gha("1 == 1").ToDisplayString(ExpressionDialect.GitHubActions));
        Assert.Equal("0.84551240822557", Gha("0.84551240822557006").ToDisplayString(ExpressionDialect.GitHubActions));
    }

    [Fact]
    public void GHA_FN_1_ContainsOnFilteredEventLabels() =>
        Assert.True(Gha("contains(github.event.labels.*.name, 'BUG')", """{"github":{"event":{"labels":[{"name":"bug"}]}}}""").ToBoolean(ExpressionDialect.GitHubActions));

    [Fact]
    public void GHA_FN_8_StatusFunctionsComeFromTheHost()
    {
        var options = new ExpressionParseOptions { NamedValues = ["github"], AllowStatusFunctions = true };
        var host = new AzureRunStateTests.FakeHost { Failed = true };
        Assert.True(Gha("failure() && github.ref == 'refs/heads/main'", """{"github":{"ref":"refs/heads/main"}}""", host, options).ToBoolean(ExpressionDialect.GitHubActions));
        Assert.False(Gha("success()", "{}", host, options).ToBoolean(ExpressionDialect.GitHubActions));
        Assert.True(Gha("always()", "{}", host, options).ToBoolean(ExpressionDialect.GitHubActions));
    }

    [Fact]
    public void GHA_FN_8_StatusFunctionsAreUnknownWhereNotAllowed()
    {
        var result = GitHubExpression.Parse("success()", new ExpressionParseOptions());
        Assert.Contains("Unrecognized function: 'success'", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GHA_FN_7_HashFilesAsksTheHost()
    {
        var options = new ExpressionParseOptions { AllowHashFiles = true };
        var value = Gha("hashFiles('**/package-lock.json', '!x')", "{}", new AzureRunStateTests.FakeHost(), options);
        Assert.Equal("**/package-lock.json|!x", value.ToDisplayString(ExpressionDialect.GitHubActions));
    }

    [Fact]
    public void GHA_EXPR_3_UnknownContextIsAParseErrorWithPosition()
    {
        var result = GitHubExpression.Parse("github.ref == env.X", new ExpressionParseOptions { NamedValues = ["github"] });
        Assert.Equal("Unrecognized named-value: 'env'. Located at position 15 within expression: github.ref == env.X", result.Diagnostics[0].Message);
    }
}
