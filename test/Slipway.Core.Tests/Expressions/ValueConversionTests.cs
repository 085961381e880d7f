using Slipway.Core.Diagnostics;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Yaml;

namespace Slipway.Core.Tests.Expressions;

/// <summary>YAML and JSON to values and back, as the template engine and the CLI use them.</summary>
public sealed class ValueConversionTests
{
    private static YamlNode Load(string yaml) => YamlLoader.Load(yaml, "t.yml", YamlLoadOptions.AzurePipelines).Root!;

    [Fact]
    public void FromYaml_ScalarsAreStrings_CollectionsRememberTheirNode()
    {
        var node = Load("list: [1, true]\nname: x\n");
        var value = Assert.IsType<ObjectValue>(ValueYaml.FromYaml(node));
        var list = Assert.IsType<ArrayValue>(value["LIST"]);
        Assert.Equal(["1", "true"], list.Items.Select(i => ((StringValue)i).Value));
        Assert.Same(((YamlMapping)node)["list"], list.Source);
        Assert.Equal(1, list.Source!.Location.Line);
    }

    [Fact]
    public void ObjectWith_AddsAfterTheEntries_ReplacesAKeyInItsPlaceWhateverItsCase_AndLeavesTheOriginal()
    {
        var original = new ObjectValue([KeyValuePair.Create("Sha", ExpressionValue.From("1")), KeyValuePair.Create("ref", ExpressionValue.From("main"))]);

        var step = original.With([KeyValuePair.Create("SHA", ExpressionValue.From("2")), KeyValuePair.Create("action", ExpressionValue.From("run"))]);

        Assert.Equal([("Sha", "2"), ("ref", "main"), ("action", "run")], step.Entries.Select(e => (e.Key, ((StringValue)e.Value).Value)));
        Assert.Equal("run", ((StringValue)step["ACTION"]).Value);
        Assert.Equal([("Sha", "1"), ("ref", "main")], original.Entries.Select(e => (e.Key, ((StringValue)e.Value).Value)));
        Assert.Equal(ExpressionValue.Null, original["action"]);
    }

    [Fact]
    public void ToYaml_UnchangedCollectionIsTheOriginalNode()
    {
        var node = Load("a: 1\n");
        Assert.Same(node, ValueYaml.ToYaml(ValueYaml.FromYaml(node), SourceLocation.None));
    }

    [Fact]
    public void ToYaml_BuiltValues()
    {
        var at = new SourceLocation("t.yml", 3, 5);
        var value = new ObjectValue([
            KeyValuePair.Create("flag", (ExpressionValue)BooleanValue.True),
            KeyValuePair.Create("items", (ExpressionValue)new ArrayValue([new NumberValue(1.5), new StringValue("")])),
        ]);
        var map = Assert.IsType<YamlMapping>(ValueYaml.ToYaml(value, at));
        Assert.Equal("True", ((YamlScalar)map["flag"]!).Value);
        var items = Assert.IsType<YamlSequence>(map["items"]);
        Assert.Equal("1.5", ((YamlScalar)items.Items[0]).Value);
        Assert.False(((YamlScalar)items.Items[1]).IsNull);
        Assert.Equal(at, items.Location);
    }

    [Fact]
    public void Object_KeysIgnoreCaseAndKeepOrder()
    {
        var obj = new ObjectValue([
            KeyValuePair.Create("B", (ExpressionValue)new StringValue("1")),
            KeyValuePair.Create("a", (ExpressionValue)new StringValue("2")),
            KeyValuePair.Create("b", (ExpressionValue)new StringValue("3")),
        ]);
        Assert.Equal(["B", "a"], obj.Entries.Select(e => e.Key));
        Assert.Equal("3", ((StringValue)obj["B"]).Value);
    }

    [Fact]
    public void Json_RoundTrip()
    {
        Assert.True(ValueJson.TryParse("""{"a":[1,2.5,"x",null,true]}""", out var value, out _));
        Assert.Equal("{\"a\":[1,2.5,\"x\",null,true]}", ValueJson.Write(value, indented: false));
        Assert.False(ValueJson.TryParse("{bad", out _, out var error));
        Assert.NotEmpty(error);
    }
}
