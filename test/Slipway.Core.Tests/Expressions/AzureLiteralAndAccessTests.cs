using Slipway.Core.Diagnostics;
using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Azure;
using Slipway.Core.Expressions.Values;
using static Slipway.Core.Tests.Expressions.ExpressionTestSupport;

namespace Slipway.Core.Tests.Expressions;

/// <summary>Spec AZP-EXPR-1..5 (grammar, literals, property access, filters, depth) and TC-03/TC-08.</summary>
public sealed class AzureLiteralAndAccessTests
{
    [Theory]
    [InlineData("true", "True")]
    [InlineData("FALSE", "False")]
    [InlineData("-1.2", "-1.2")]
    [InlineData("'a b c'", "a b c")]
    [InlineData("1.2.3", "1.2.3")]
    [InlineData("'It''s OK'", "It's OK")]
    [InlineData(".5", "0.5")]
    [InlineData("1.2.3.4", "1.2.3.4")]
    public void AZP_EXPR_2_LiteralsDisplayAsTheDocsShow(string text, string display) =>
        Assert.Equal(display, Azure(text).ToDisplayString());

    [Fact]
    public void AZP_EXPR_2_VersionLiteralIsAVersion() => Assert.IsType<VersionValue>(Azure("1.2.3"));

    [Fact]
    public void AZP_EXPR_2_NullIsNotALiteral() =>
        Assert.Equal("Unrecognized value: 'null'. Located at position 4 within expression: eq(null, '').", AzureError("eq(null, '')"));

    [Fact]
    public void AZP_EXPR_1_FunctionAndContextNamesAreCaseInsensitive() =>
        Assert.Equal("True", Azure("EQ(VARIABLES.Foo, 'BAR')", """{"variables":{"foo":"bar"}}""").ToDisplayString());

    [Theory]
    [InlineData("variables['Build.SourceBranch']", "refs/heads/main")]
    [InlineData("variables.plain", "p")]
    [InlineData("variables['nope']", "")]
    [InlineData("parameters.list[1]", "b")]
    [InlineData("parameters.list[5]", "")]
    [InlineData("parameters.list['0']", "a")]
    public void AZP_EXPR_3_IndexAndDereference(string text, string display)
    {
        const string context = """{"variables":{"Build.SourceBranch":"refs/heads/main","plain":"p"},"parameters":{"list":["a","b"]}}""";
        Assert.Equal(display, Azure(text, context).ToDisplayString());
    }

    [Fact]
    public void AZP_EXPR_3_MissIsNullNotError() => Assert.True(Azure("variables.a.b.c", """{"variables":{"a":"x"}}""").IsNull);

    [Fact]
    public void AZP_EXPR_4_FilteredArrayCollectsProperty()
    {
        var value = Azure("parameters.foo.*.id", """{"parameters":{"foo":[{"id":1,"a":"avalue1"},{"id":2,"a":"avalue2"},{"id":3,"a":"avalue3"}]}}""");
        var array = Assert.IsType<ArrayValue>(value);
        Assert.Equal([1.0, 2.0, 3.0], array.Items.Select(i => ((NumberValue)i).Value));
    }

    [Fact]
    public void AZP_EXPR_4_IndexWildcardEqualsDereferenceWildcard()
    {
        const string context = """{"parameters":{"foo":[{"id":1},{"id":2}]}}""";
        var array = Assert.IsType<ArrayValue>(Azure("parameters.foo[*].id", context));
        Assert.Equal([1.0, 2.0], array.Items.Select(i => ((NumberValue)i).Value));
        Assert.Equal("1,2", Azure("join(',', parameters.foo.*.id)", context).ToDisplayString());
    }

    [Fact]
    public void AZP_EXPR_4_StarOnObjectReturnsItsValues()
    {
        var array = Assert.IsType<ArrayValue>(Azure("parameters.obj.*", """{"parameters":{"obj":{"x":"1","y":"2"}}}"""));
        Assert.Equal(["1", "2"], array.Items.Select(i => ((StringValue)i).Value));
    }

    [Fact]
    public void AZP_EXPR_5_DepthAbove50IsAParseError()
    {
        var deep = string.Concat(Enumerable.Repeat("not(", 50)) + "true" + new string(')', 50);
        var ok = string.Concat(Enumerable.Repeat("not(", 49)) + "true" + new string(')', 49);
        Assert.Equal("Exceeded max expression depth 50", AzureError(deep));
        Assert.Null(AzureError(ok));
    }

    [Fact]
    public void AZP_EXPR_ParseError_PointsAtTheColumnInsideTheFile()
    {
        var options = new ExpressionParseOptions { Location = new SourceLocation("azure-pipelines.yml", 7, 20) };
        var result = AzureExpression.Parse("and(true, bogus)", options);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ExpressionDiagnosticCodes.UnrecognizedValue, diagnostic.Code);
        Assert.Equal(new SourceLocation("azure-pipelines.yml", 7, 30), diagnostic.Location);
        Assert.StartsWith("azure-pipelines.yml(7,30): error SLW2002: Unrecognized value: 'bogus'. Located at position 11", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AZP_EXPR_44_NamedValuesAreTheCallersChoice()
    {
        var compileTime = new ExpressionParseOptions { NamedValues = AzureExpression.CompileTimeNames };
        Assert.NotNull(AzureExpression.Parse("parameters.x", compileTime).Expression);
        var result = AzureExpression.Parse("dependencies.A.result", compileTime);
        Assert.Null(result.Expression);
        Assert.Contains("Unrecognized value: 'dependencies'", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZP_EXPR_ParseOnceEvaluateMany()
    {
        var parsed = AzureExpression.Parse("eq(variables.x, 'a')", ExpressionParseOptions.WithNames("variables")).Expression!;
        Assert.True(parsed.Evaluate(ContextFromJson("""{"variables":{"x":"a"}}""")).Value.ToBoolean());
        Assert.False(parsed.Evaluate(ContextFromJson("""{"variables":{"x":"b"}}""")).Value.ToBoolean());
    }
}
