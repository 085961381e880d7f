using Slipway.Core.Expressions.Values;
using static Slipway.Core.Tests.Expressions.ExpressionTestSupport;

namespace Slipway.Core.Tests.Expressions;

/// <summary>Spec AZP-EXPR-20..42 and the examples TC-10, TC-65..68, TC-75.</summary>
public sealed class AzureFunctionTests
{
    private static string Text(string text, string context = "{}") => Azure(text, context).ToDisplayString();

    [Fact]
    public void AZP_EXPR_20_And_ShortCircuitsBeforeAnError() => Assert.Equal("False", Text("and(false, gt(1, 'abc'))"));

    [Fact]
    public void AZP_EXPR_21_Or_ShortCircuitsBeforeAnError() => Assert.Equal("True", Text("or(true, gt(1, 'abc'))"));

    [Fact]
    public void AZP_EXPR_27_In_ShortCircuits() => Assert.Equal("True", Text("in('a', 'A', gt(1, 'abc'))"));

    [Fact]
    public void AZP_EXPR_30_ContainsValue_ArrayAndObject()
    {
        const string context = """{"parameters":{"branchOptions":["refs/heads/main","refs/heads/test"],"obj":{"k":"v"}},"variables":{"Build.SourceBranch":"refs/heads/test"}}""";
        Assert.Equal("True", Text("containsValue(parameters.branchOptions, variables['Build.SourceBranch'])", context));
        Assert.Equal("False", Text("containsValue(parameters.branchOptions, 'refs/heads/other')", context));
        Assert.Equal("True", Text("containsValue(parameters.obj, 'V')", context));
    }

    [Fact]
    public void TC_10_FormatPlaceholdersAndEscapes()
    {
        Assert.Equal("Hello John Doe", Text("format('Hello {0} {1}', 'John', 'Doe')"));
        Assert.Equal("literal left brace { and literal right brace }", Text("format('literal left brace {{ and literal right brace }}')"));
    }

    [Fact]
    public void AZP_EXPR_32_FormatDateTimeSpecifiers()
    {
        var context = new Slipway.Core.Expressions.EvaluationContext(
            [KeyValuePair.Create("pipeline", (ExpressionValue)new ObjectValue([KeyValuePair.Create("startTime",
                (ExpressionValue)new DateTimeValue(new DateTimeOffset(2024, 3, 7, 5, 4, 9, TimeSpan.Zero)))]))]);
        var (value, error) = EvaluateAzure("format('{0:yyyyMMdd}-{0:HH}.{0:m}', pipeline.startTime)", context);
        Assert.Null(error);
        Assert.Equal("20240307-05.4", value!.ToDisplayString());
    }

    [Fact]
    public void AZP_EXPR_32_FormatErrors()
    {
        Assert.Equal("The following format string is invalid: {0", AzureError("format('{0', 'x')"));
        Assert.Equal("The following format string references more arguments than were supplied: {1}", AzureError("format('{1}', 'x')"));
    }

    [Fact]
    public void TC_66_JoinArray() => Assert.Equal("FOO;BAR;ZOO", Text("join(';', parameters.myArray)", """{"parameters":{"myArray":["FOO","BAR","ZOO"]}}"""));

    [Fact]
    public void AZP_EXPR_33_JoinObjectsBecomeEmpty_AndScalarIsItself()
    {
        Assert.Equal("a,,b", Text("join(',', parameters.x)", """{"parameters":{"x":["a",{"k":1},"b"]}}"""));
        Assert.Equal("abc", Text("join(',', 'abc')"));
    }

    [Fact]
    public void AZP_EXPR_34_Coalesce_SkipsNullAndEmpty() =>
        Assert.Equal("literal value", Text("coalesce(variables.emptyString, '', 'literal value')", """{"variables":{"emptyString":""}}"""));

    [Fact]
    public void AZP_EXPR_36_Iif() => Assert.Equal("yes", Text("iif(eq(1, 1), 'yes', 'no')"));

    [Fact]
    public void AZP_EXPR_37_Length()
    {
        Assert.Equal("8", Text("length('fabrikam')"));
        Assert.Equal("3", Text("length(parameters.a)", """{"parameters":{"a":[1,2,3]}}"""));
    }

    [Fact]
    public void AZP_EXPR_38_LowerUpper()
    {
        Assert.Equal("foo", Text("lower('FOO')"));
        Assert.Equal("BAH", Text("upper('bah')"));
    }

    [Fact]
    public void AZP_EXPR_39_ReplaceAllInstances() =>
        Assert.Equal("http://server/saml/consume",
            Text("replace('https://www.tinfoilsecurity.com/saml/consume','https://www.tinfoilsecurity.com','http://server')"));

    [Fact]
    public void TC_65_SplitKeepsEmptyStrings()
    {
        var array = Assert.IsType<ArrayValue>(Azure("split('a,,b,', ',')"));
        Assert.Equal(["a", "", "b", ""], array.Items.Select(i => ((StringValue)i).Value));
        Assert.Equal("c", Text("split('a/b/c', '/')[2]"));
    }

    [Fact]
    public void AZP_EXPR_41_Trim() => Assert.Equal("x y", Text("trim('  x y \t')"));

    [Fact]
    public void TC_67_ConvertToJsonIsIndented()
    {
        const string context = """{"parameters":{"this_is":{"a_complex":"object","with":["one","two"]}}}""";
        const string expected = "{\n  \"this_is\": {\n    \"a_complex\": \"object\",\n    \"with\": [\n      \"one\",\n      \"two\"\n    ]\n  }\n}";
        Assert.Equal(expected, Text("convertToJson(parameters)", context));
    }
}
