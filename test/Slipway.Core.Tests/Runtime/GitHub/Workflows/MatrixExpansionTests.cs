using Slipway.Core.Diagnostics;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Runtime.GitHub.Workflows;

namespace Slipway.Core.Tests.Runtime.GitHub.Workflows;

/// <summary>GHA-JOB-5 with the cases of GitHub's documentation (spec W5-W8).</summary>
public sealed class MatrixExpansionTests
{
    [Fact]
    public void GHA_JOB_5_W6_Include_AddsToOriginalCombinations_OrBecomesItsOwn()
    {
        var legs = Expand("""
            {"fruit": ["apple", "pear"], "animal": ["cat", "dog"], "include": [
              {"color": "green"}, {"color": "pink", "animal": "cat"}, {"fruit": "apple", "shape": "circle"},
              {"fruit": "banana"}, {"fruit": "banana", "animal": "cat"}]}
            """);
        Assert.Equal(
        [
            "animal=cat color=pink fruit=apple shape=circle",
            "animal=dog color=green fruit=apple shape=circle",
            "animal=cat color=pink fruit=pear",
            "animal=dog color=green fruit=pear",
            "fruit=banana",
            "animal=cat fruit=banana",
        ], legs.Select(Describe));
    }

    [Fact]
    public void GHA_JOB_5_W7_Exclude_DropsEveryPartialMatch()
    {
        var legs = Expand("""
            {"os": ["macos-latest", "windows-latest"], "version": [12, 14, 16], "environment": ["staging", "production"],
             "exclude": [{"os": "macos-latest", "version": 12, "environment": "production"}, {"os": "windows-latest", "version": 16}]}
            """);
        Assert.Equal(9, legs.Count);
        Assert.DoesNotContain(legs, l => Describe(l) == "environment=production os=macos-latest version=12");
        Assert.DoesNotContain(legs, l => Describe(l).Contains("os=windows-latest version=16", StringComparison.Ordinal));
    }

    [Fact]
    public void GHA_JOB_5_W8_IncludeOnly_OneLegPerEntry()
    {
        var legs = Expand("""{"include": [{"site": "production", "datacenter": "site-a"}, {"site": "staging", "datacenter": "site-b"}]}""");
        Assert.Equal(["datacenter=site-a site=production", "datacenter=site-b site=staging"], legs.Select(Describe));
    }

    [Fact]
    public void GHA_JOB_5_W5_EmptyVector_IsAnError()
    {
        var result = MatrixExpansion.Expand(Json("""{"os": [], "version": [10, 12]}"""), SourceLocation.None);
        Assert.False(result.IsSuccess);
        Assert.Equal("Matrix vector 'os' does not contain any values", result.Error.Message);
    }

    [Fact]
    public void GHA_JOB_5_CrossProduct_InKeyOrder_FirstKeyVariesSlowest()
    {
        var legs = Expand("""{"os": ["ubuntu", "debian"], "node": [18, 20]}""");
        Assert.Equal(["ubuntu, 18", "ubuntu, 20", "debian, 18", "debian, 20"], legs.Select(l => string.Join(", ", l.NameSegments)));
        Assert.Equal("build (ubuntu, 18)", legs[0].DisplayName("build"));
    }

    [Fact]
    public void GHA_JOB_5_IncludeAfterExclude_CanAddBackAnExcludedCombination()
    {
        var legs = Expand("""{"os": ["a", "b"], "exclude": [{"os": "b"}], "include": [{"os": "b", "extra": "x"}]}""");
        Assert.Equal(["os=a", "extra=x os=b"], legs.Select(Describe));
    }

    [Fact]
    public void GHA_JOB_5_IncludeKeysAddedToALeg_AreNotPartOfItsName()
    {
        var legs = Expand("""{"os": ["ubuntu"], "include": [{"os": "ubuntu", "experimental": true}]}""");
        Assert.Equal("test (ubuntu)", Assert.Single(legs).DisplayName("test"));
    }

    [Fact]
    public void GHA_JOB_5_MoreThan256Legs_IsAnError()
    {
        var values = string.Join(", ", Enumerable.Range(0, 17));
        var result = MatrixExpansion.Expand(Json($$"""{"a": [{{values}}], "b": [{{values}}]}"""), SourceLocation.None);
        Assert.False(result.IsSuccess);
        Assert.Contains("256", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GHA_JOB_5_NoMatrix_NoLegs()
    {
        var result = MatrixExpansion.Expand(ExpressionValue.Null, SourceLocation.None);
        Assert.True(result.IsSuccess);
        Assert.Empty(result.Value);
    }

    private static List<MatrixLeg> Expand(string json)
    {
        var result = MatrixExpansion.Expand(Json(json), SourceLocation.None);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return [.. result.Value];
    }

    private static ExpressionValue Json(string json)
    {
        Assert.True(ValueJson.TryParse(json, out var value, out var error), error);
        return value;
    }

    private static string Describe(MatrixLeg leg) => string.Join(" ", leg.Values.Entries
        .OrderBy(e => e.Key, StringComparer.Ordinal)
        .Select(e => e.Key + "=" + Core.Expressions.GitHub.GitHubCoercion.ToDisplayString(e.Value)));
}
