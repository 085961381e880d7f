using Slipway.Core.Runtime.Variables;

namespace Slipway.Core.Tests.Runtime;

public sealed class VariablesUnitTests
{
    private static readonly Dictionary<string, string> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["myInner"] = "someValue",
        ["myOuter"] = "$(myInner)",
        ["b"] = "x",
        ["loop"] = "$(loop)!",
        ["Build.SourceBranch"] = "refs/heads/main",
    };

    private static string Expand(string text) => MacroExpander.Expand(text, n => Values.GetValueOrDefault(n));

    [Fact]
    public void AZP_VAR_5_Macros_ExpandRecursively() => Assert.Equal("value someValue", Expand("value $(myOuter)"));

    [Fact]
    public void AZP_VAR_6_Macros_MatchCaseInsensitively_NamesWithDots() => Assert.Equal("refs/heads/main", Expand("$(build.sourcebranch)"));

    [Fact]
    public void AZP_VAR_1_UndefinedMacro_StaysLiteral() => Assert.Equal("a $(nope) b", Expand("a $(nope) b"));

    [Fact]
    public void AZP_VAR_5_ComposedName_OnlyInnerMacroExpands() => Assert.Equal("$(a_x)", Expand("$(a_$(b))"));

    [Fact]
    public void AZP_VAR_5_SelfReference_Terminates()
    {
        var result = Expand("$(loop)");
        Assert.EndsWith("!", result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("any.variable", "ANY_VARIABLE")]
    [InlineData("Build.SourceBranch", "BUILD_SOURCEBRANCH")]
    [InlineData("my var", "MY_VAR")]
    [InlineData("setvarStep.myOutputVar", "SETVARSTEP_MYOUTPUTVAR")]
    public void AZP_VAR_20_EnvironmentName_UpperCaseDotsAndSpacesToUnderscores(string name, string expected) =>
        Assert.Equal(expected, EnvironmentNames.For(name));

    [Fact]
    public void AZP_VAR_13_ReadOnlyVariable_RefusesRuntimeSet()
    {
        var store = new VariableStore();
        store.Define("fixed", "one", isReadOnly: true);
        Assert.False(store.TrySet("FIXED", "two", isSecret: false, isReadOnly: false));
        Assert.Equal("one", store.Get("fixed"));
        Assert.True(store.TrySet("other", "v", isSecret: false, isReadOnly: false));
        Assert.Equal("v", store.Get("OTHER"));
    }

    [Theory]
    [InlineData("endpoint.x")]
    [InlineData("INPUT_Y")]
    [InlineData("secretThing")]
    [InlineData("securefile1")]
    [InlineData("pathToSomething")]
    public void AZP_VAR_14_ReservedPrefixes_NotExported(string name) => Assert.True(VariableStore.IsReserved(name));
}
