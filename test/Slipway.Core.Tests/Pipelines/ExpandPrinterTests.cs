using Slipway.Core.Pipelines.Azure;
using Slipway.Core.Planning.Rendering;
using Slipway.Core.Yaml;

namespace Slipway.Core.Tests.Pipelines;

/// <summary><c>slipway expand</c> output: Azure "full YAML" that is itself a valid pipeline with the same plan.</summary>
public sealed class ExpandPrinterTests
{
    private static YamlMapping Expand(string yaml) =>
        AzurePlanPrinter.ToNode(Azure.Valid(yaml));

    private static YamlMapping Reparse(YamlMapping node)
    {
        var loaded = YamlLoader.Load(NodeTextWriter.ToYaml(node), "out.yml", YamlLoadOptions.AzurePipelines);
        Assert.Empty(loaded.Diagnostics);
        return Assert.IsType<YamlMapping>(loaded.Root);
    }

    [Fact]
    public void AZP_DOC_1_ShorthandIsPrintedAsStagesJobsSteps_WithDefaultsExplicit()
    {
        var root = Reparse(Expand("steps:\n- script: echo hi\n"));
        var stage = Assert.IsType<YamlMapping>(Assert.Single(Assert.IsType<YamlSequence>(root["stages"]).Items));
        Assert.Equal("__default", ((YamlScalar)stage["stage"]!).Value);
        Assert.Empty(Assert.IsType<YamlSequence>(stage["dependsOn"]).Items);
        var job = Assert.IsType<YamlMapping>(Assert.Single(Assert.IsType<YamlSequence>(stage["jobs"]).Items));
        Assert.Equal("Job", ((YamlScalar)job["job"]!).Value);
        var steps = Assert.IsType<YamlSequence>(job["steps"]).Items.Cast<YamlMapping>().ToList();
        Assert.Equal("self", ((YamlScalar)steps[0]["checkout"]!).Value);
        Assert.Equal("CmdLine@2", ((YamlScalar)steps[1]["task"]!).Value);
        Assert.Equal("echo hi", ((YamlScalar)((YamlMapping)steps[1]["inputs"]!)["script"]!).Value);
        Assert.Equal("CmdLine", ((YamlScalar)steps[1]["name"]!).Value);
    }

    [Fact]
    public void AZP_DEP_1_DefaultStageDependsOn_IsPrinted()
    {
        var root = Reparse(Expand("stages:\n- stage: A\n  jobs:\n  - job: J\n    steps:\n    - script: a\n- stage: B\n  jobs:\n  - job: J\n    steps:\n    - script: b\n"));
        var b = (YamlMapping)((YamlSequence)root["stages"]!).Items[1];
        Assert.Equal("A", ((YamlScalar)((YamlSequence)b["dependsOn"]!).Items[0]).Value);
    }

    [Fact]
    public void ValuesThatWouldReadAsOtherTypes_StayStrings()
    {
        var root = Reparse(Expand("variables:\n  a: 'true'\n  b: '010'\n  c: 'null'\nsteps:\n- script: x\n"));
        var values = ((YamlSequence)root["variables"]!).Items.Cast<YamlMapping>().Select(m => (YamlScalar)m["value"]!).ToList();
        Assert.All(values, v => Assert.NotEqual(ScalarStyle.Plain, v.Style));
        Assert.Equal(["true", "010", "null"], values.Select(v => v.Value));
    }

    [Theory]
    [MemberData(nameof(ExamplesTests.Files), MemberType = typeof(ExamplesTests))]
    public void Expand_IsAValidPipeline_AndExpandingItAgainChangesNothing(string file)
    {
        var first = NodeTextWriter.ToYaml(AzurePlanPrinter.ToNode(ExamplesTests.CompileExample(file).Plan!));
        var again = Azure.Compile(first);
        Assert.Empty(again.Diagnostics);
        Assert.Equal(first, NodeTextWriter.ToYaml(AzurePlanPrinter.ToNode(again.Plan!)));
    }

    [Fact]
    public void Json_HasTheSameShape()
    {
        var json = NodeTextWriter.ToJson(Expand("steps:\n- script: x\n  timeoutInMinutes: 5\n"));
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var step = doc.RootElement.GetProperty("stages")[0].GetProperty("jobs")[0].GetProperty("steps")[1];
        Assert.Equal("CmdLine@2", step.GetProperty("task").GetString());
        Assert.Equal(5, step.GetProperty("timeoutInMinutes").GetInt32());
    }
}
