using Slipway.Core.Yaml;

namespace Slipway.Core.Tests.Yaml;

public sealed class YamlLoaderTests
{
    private static YamlLoadResult Load(string text, YamlLoadOptions? options = null) =>
        YamlLoader.Load(text, "p.yml", options ?? YamlLoadOptions.AzurePipelines);

    [Fact]
    public void Nodes_KeepLineAndColumn()
    {
        var result = Load("steps:\n  - script: echo hi\n    displayName: Say hi\n");
        Assert.Empty(result.Diagnostics);
        var root = Assert.IsType<YamlMapping>(result.Root);
        var steps = Assert.IsType<YamlSequence>(root["steps"]);
        var step = Assert.IsType<YamlMapping>(steps.Items[0]);
        var name = Assert.IsType<YamlScalar>(step["displayName"]);
        Assert.Equal("Say hi", name.Value);
        Assert.Equal(3, name.Location.Line);
        Assert.Equal(18, name.Location.Column);
        Assert.Equal("p.yml", name.Location.File);
    }

    [Fact]
    public void DuplicateKey_IsAnErrorAtTheSecondKey()
    {
        var result = Load("a: 1\nb: 2\na: 3\n");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(YamlDiagnosticCodes.DuplicateKey, d.Code);
        Assert.Equal(3, d.Location.Line);
        Assert.Equal("p.yml(3,1): error SLW1012: 'a' is already defined in this mapping.", d.ToString());
    }

    [Fact]
    public void TabIndentation_IsReportedAsSuch()
    {
        var result = Load("steps:\n\t- script: x\n");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(YamlDiagnosticCodes.Tab, d.Code);
        Assert.Equal(2, d.Location.Line);
    }

    [Fact]
    public void Anchors_AreRejectedForAzurePipelines()
    {
        var result = Load("a: &x 1\nb: *x\n");
        Assert.Equal(2, result.Diagnostics.Count(d => d.Code == YamlDiagnosticCodes.AnchorNotSupported));
    }

    [Fact]
    public void Anchors_ResolveForGitHubActions()
    {
        var result = Load("a: &x {k: v}\nb: *x\n", YamlLoadOptions.GitHubActions);
        Assert.Empty(result.Diagnostics);
        var root = Assert.IsType<YamlMapping>(result.Root);
        Assert.Same(root["a"], root["b"]);
    }

    [Fact]
    public void SyntaxError_HasAPosition()
    {
        var result = Load("a: [1, 2\nb: 3\n");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(YamlDiagnosticCodes.Syntax, d.Code);
        Assert.True(d.Location.Line > 0);
        Assert.Null(result.Root);
    }

    [Fact]
    public void DeepNesting_IsADiagnosticNotACrash()
    {
        var text = new string('[', 5000) + new string(']', 5000);
        var result = Load(text);
        Assert.Contains(result.Diagnostics, d => d.Code == YamlDiagnosticCodes.TooDeep);
    }

    [Fact]
    public void ByteOrderMark_IsIgnored()
    {
        var path = Path.Combine(Path.GetTempPath(), $"slipway-bom-{Guid.NewGuid():N}.yml");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "a: 1\n"u8]);
        try
        {
            var result = YamlLoader.LoadFile(path, "bom.yml", YamlLoadOptions.AzurePipelines);
            Assert.Empty(result.Diagnostics);
            Assert.Equal("1", Assert.IsType<YamlScalar>(Assert.IsType<YamlMapping>(result.Root)["a"]).Value);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void InvalidUtf8_IsADiagnostic()
    {
        var path = Path.Combine(Path.GetTempPath(), $"slipway-bad-{Guid.NewGuid():N}.yml");
        File.WriteAllBytes(path, [(byte)'a', (byte)':', (byte)' ', 0xC3, 0x28]);
        try
        {
            var result = YamlLoader.LoadFile(path, "bad.yml", YamlLoadOptions.AzurePipelines);
            Assert.Equal(YamlDiagnosticCodes.InvalidEncoding, Assert.Single(result.Diagnostics).Code);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
