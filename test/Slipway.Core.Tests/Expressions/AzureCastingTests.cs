using static Slipway.Core.Tests.Expressions.ExpressionTestSupport;

namespace Slipway.Core.Tests.Expressions;

/// <summary>Spec AZP-EXPR-10..16 (type casting) and TC-09, TC-11, TC-68, TC-71.</summary>
public sealed class AzureCastingTests
{
    private static bool Is(string text, string context = "{}") => Azure(text, context).ToBoolean();

    [Fact]
    public void AZP_EXPR_10_BooleanToNumberAndString()
    {
        Assert.True(Is("lt(False, True)"));
        Assert.False(Is("lt(True, False)"));
        Assert.True(Is("eq('True', true)"));
        Assert.Equal("True", Azure("format('{0}', true)").ToDisplayString());
    }

    [Fact]
    public void AZP_EXPR_11_NullConvertsToFalseZeroAndEmpty()
    {
        Assert.True(Is("eq(False, variables.none)", """{"variables":{}}"""));
        Assert.True(Is("eq(0, variables.none)", """{"variables":{}}"""));
        Assert.True(Is("eq('', variables.none)", """{"variables":{}}"""));
    }

    [Fact]
    public void AZP_EXPR_12_NumberToBooleanAndString()
    {
        Assert.False(Is("and(0, true)"));
        Assert.True(Is("and(-3, true)"));
        Assert.Equal("1000", Azure("format('{0}', 1000)").ToDisplayString());
    }

    [Fact]
    public void AZP_EXPR_13_StringToBoolean_OnlyEmptyIsFalse()
    {
        Assert.True(Is("and('false', true)"));
        Assert.True(Is("and('0', true)"));
        Assert.False(Is("and('', true)"));
    }

    [Fact]
    public void AZP_EXPR_13_StringToNumber_ThousandsAndWhiteSpaceButNoExponent()
    {
        Assert.True(Is("eq(1000, '1,000')"));
        Assert.True(Is("eq(7, ' 7 ')"));
        Assert.False(Is("eq(1000, '1e3')"));
        Assert.Equal("Unable to convert from String to Number. Value: '1e3'", AzureError("gt(1, '1e3')"));
    }

    [Fact]
    public void AZP_EXPR_13_And_14_Versions()
    {
        Assert.True(Is("gt(1.10.0, 1.9.0)"));
        Assert.True(Is("eq(1.2.3, '1.2.3')"));
        Assert.True(Is("eq('1.2.3', 1.2.3)"));
    }

    [Fact]
    public void AZP_EXPR_15_ArraysAreNotComparable()
    {
        const string context = """{"parameters":{"list":[1]}}""";
        Assert.True(Is("and(parameters.list, true)", context));
        Assert.Equal("Unable to convert from Object to Number. Value: Object", AzureError("gt(parameters.list, 1)", context));
    }

    [Fact]
    public void AZP_EXPR_24_Eq_CastFailureIsFalse() => Assert.False(Is("eq(1, 'abc')"));

    [Fact]
    public void AZP_EXPR_25_Ne_CastFailureIsTrue() => Assert.True(Is("ne(1, 'abc')"));

    [Fact]
    public void AZP_EXPR_26_OrderingCastFailureIsAnError() =>
        Assert.Equal("Unable to convert from String to Number. Value: 'abc'", AzureError("lt(1, 'abc')"));

    [Fact]
    public void AZP_EXPR_26_StringsCompareOrdinalIgnoringCase()
    {
        Assert.True(Is("eq('abc', 'ABC')"));
        Assert.True(Is("gt('b', 'A')"));
    }

    [Theory]
    [InlineData("contains('ABCDE', 'BCD')")]
    [InlineData("endsWith('ABCDE', 'DE')")]
    [InlineData("startsWith('ABCDE', 'AB')")]
    [InlineData("in('B', 'A', 'B', 'C')")]
    [InlineData("notIn('D', 'A', 'B', 'C')")]
    [InlineData("ge(5, 5)")]
    [InlineData("gt(5, 2)")]
    [InlineData("le(2, 2)")]
    [InlineData("lt(2, 5)")]
    [InlineData("ne(1, 2)")]
    [InlineData("not(eq(1, 2))")]
    [InlineData("or(eq(1, 1), eq(2, 3))")]
    [InlineData("xor(True, False)")]
    [InlineData("eq('abc', 'ABC')")]
    public void TC_09_FunctionTruthTable(string text) => Assert.True(Is(text));

    [Fact]
    public void TC_11_UntypedParameterFalseIsTruthyString() =>
        Assert.True(Is("eq(true, parameters['myparam'])", """{"parameters":{"myparam":"false"}}"""));

    [Fact]
    public void TC_11_TypedBooleanParameterFalseIsFalse() =>
        Assert.False(Is("eq(true, parameters['myparam'])", """{"parameters":{"myparam":false}}"""));

    [Fact]
    public void TC_71_ParameterTextComparedWithTrue() => Assert.True(Is("and(true, eq('True', true))"));

    [Fact]
    public void AZP_EXPR_16_ResultAsConditionIsBoolean_AndAsVariableIsString()
    {
        Assert.True(Azure("'x'").ToBoolean());
        Assert.Equal("True", Azure("eq(1, 1)").ToDisplayString());
    }
}
