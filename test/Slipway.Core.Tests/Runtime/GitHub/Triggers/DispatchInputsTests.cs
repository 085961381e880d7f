using System.Text.Json.Nodes;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Runtime.GitHub.Triggers;

namespace Slipway.Core.Tests.Runtime.GitHub.Triggers;

/// <summary>GHA-WF-5: workflow_dispatch inputs typed in <c>inputs</c>, strings in <c>github.event.inputs</c>, errors at the declaration.</summary>
public sealed class DispatchInputsTests
{
    private const string On = """
        on:
          workflow_dispatch:
            inputs:
              name:
                description: who
                required: true
              debug:
                type: boolean
                default: true
              verbose:
                type: boolean
              count:
                type: number
                default: 3
              level:
                type: choice
                options: [low, high]
                default: low
              target:
                type: environment

        """;

    private static readonly Workflow Dispatch = WorkflowTriggersTests.Workflow(On);

    private static TriggeringEvent Event(string name = "workflow_dispatch") =>
        WorkflowTriggersTests.Push("refs/heads/main") with { Name = name, Payload = new JsonObject { ["ref"] = "refs/heads/main", ["inputs"] = new JsonObject() } };

    private static TriggeringEvent Bind(params (string Name, string Value)[] inputs)
    {
        var bound = DispatchInputs.Bind(Dispatch, Event(), inputs.Select(i => new KeyValuePair<string, string>(i.Name, i.Value)).ToList());
        Assert.True(bound.IsSuccess, bound.Error?.ToString());
        return bound.Value;
    }

    private static Slipway.Core.Diagnostics.Diagnostic Error(params (string Name, string Value)[] inputs)
    {
        var bound = DispatchInputs.Bind(Dispatch, Event(), inputs.Select(i => new KeyValuePair<string, string>(i.Name, i.Value)).ToList());
        Assert.False(bound.IsSuccess);
        return bound.Error;
    }

    [Fact]
    public void GHA_WF_5_InputsAreTyped_EventInputsAreStrings()
    {
        var e = Bind(("name", "mona"), ("debug", "false"), ("count", "12.5"), ("level", "high"), ("target", "prod"));

        Assert.Equal("mona", Assert.IsType<StringValue>(e.Inputs["name"]).Value);
        Assert.False(Assert.IsType<BooleanValue>(e.Inputs["debug"]).Value);
        Assert.Equal(12.5, Assert.IsType<NumberValue>(e.Inputs["count"]).Value);
        Assert.Equal("high", Assert.IsType<StringValue>(e.Inputs["level"]).Value);
        Assert.Equal("prod", Assert.IsType<StringValue>(e.Inputs["target"]).Value);
        var strings = e.Payload["inputs"]!.AsObject();
        Assert.Equal("mona", (string?)strings["name"]);
        Assert.Equal("false", (string?)strings["debug"]);
        Assert.Equal("12.5", (string?)strings["count"]);
        Assert.Equal("high", (string?)strings["level"]);
        Assert.Equal("ci.yml", (string?)e.Payload["workflow"]);
        Assert.Equal("refs/heads/main", (string?)e.Payload["ref"]);
    }

    [Fact]
    public void GHA_WF_5_DefaultsApply_InDeclaredOrder()
    {
        var e = Bind(("name", "mona"));

        Assert.Equal(["name", "debug", "verbose", "count", "level", "target"], e.Inputs.Entries.Select(x => x.Key));
        Assert.True(Assert.IsType<BooleanValue>(e.Inputs["debug"]).Value);
        Assert.False(Assert.IsType<BooleanValue>(e.Inputs["verbose"]).Value);
        Assert.Equal(3, Assert.IsType<NumberValue>(e.Inputs["count"]).Value);
        Assert.Equal("low", Assert.IsType<StringValue>(e.Inputs["level"]).Value);
        Assert.Equal("true", (string?)e.Payload["inputs"]!["debug"]);
        Assert.Equal("false", (string?)e.Payload["inputs"]!["verbose"]);
        Assert.Equal("3", (string?)e.Payload["inputs"]!["count"]);
        Assert.Equal(string.Empty, (string?)e.Payload["inputs"]!["target"]);
    }

    [Fact]
    public void GHA_WF_5_LaterInputWins_AndPayloadInputsCount()
    {
        var withPayload = Event() with { Payload = new JsonObject { ["inputs"] = new JsonObject { ["name"] = "from-file", ["count"] = "7" } } };

        var bound = DispatchInputs.Bind(Dispatch, withPayload, [new("count", "1"), new("count", "2")]);

        Assert.True(bound.IsSuccess);
        Assert.Equal("from-file", (string?)bound.Value.Payload["inputs"]!["name"]);
        Assert.Equal(2, Assert.IsType<NumberValue>(bound.Value.Inputs["count"]).Value);
    }

    [Fact]
    public void GHA_WF_5_RequiredInputMissing()
    {
        var error = Error(("debug", "true"));

        Assert.Equal("ci.yml(4,7): error SLW8111: Required input 'name' not provided", error.ToString());
    }

    [Fact]
    public void GHA_WF_5_UnknownInput()
    {
        var error = Error(("name", "x"), ("nmae", "y"));

        Assert.Equal(
            "ci.yml(3,5): error SLW8110: Unexpected inputs provided: [\"nmae\"] (it declares name, debug, verbose, count, level, target).",
            error.ToString());
    }

    [Fact]
    public void GHA_WF_5_BooleanMustBeTrueOrFalse()
    {
        var error = Error(("name", "x"), ("debug", "yes"));

        Assert.Equal("ci.yml(7,7): error SLW8112: Provided value 'yes' for boolean input 'debug' is not 'true' or 'false'", error.ToString());
    }

    [Fact]
    public void GHA_WF_5_NumberMustBeANumber()
    {
        var error = Error(("name", "x"), ("count", "many"));

        Assert.Equal("ci.yml(12,7): error SLW8113: Provided value 'many' for number input 'count' is not a number", error.ToString());
    }

    [Fact]
    public void GHA_WF_5_ChoiceMustBeAnOption()
    {
        var error = Error(("name", "x"), ("level", "medium"));

        Assert.Equal(
            "ci.yml(15,7): error SLW8114: Provided value 'medium' for input 'level' not in the list of allowed values: ['low', 'high']",
            error.ToString());
    }

    [Fact]
    public void GHA_WF_5_InputsForAnotherEvent_AreAnError_NoInputsLeaveItAlone()
    {
        var push = Event("push");

        var error = DispatchInputs.Bind(Dispatch, push, [new("name", "x")]);
        var unchanged = DispatchInputs.Bind(Dispatch, push, []);

        Assert.Equal("ci.yml: error SLW8115: --input is for the workflow_dispatch event; this run's event is 'push'.", error.Error!.ToString());
        Assert.Same(push, unchanged.Value);
    }

    [Fact]
    public void GHA_WF_5_NoDeclaredInputs_AnyInputIsUnexpected()
    {
        var workflow = WorkflowTriggersTests.Workflow("on: workflow_dispatch\n");

        var bound = DispatchInputs.Bind(workflow, Event(), [new("x", "1")]);

        Assert.Equal("Unexpected inputs provided: [\"x\"] (it declares no inputs).", bound.Error!.Message);
    }
}
