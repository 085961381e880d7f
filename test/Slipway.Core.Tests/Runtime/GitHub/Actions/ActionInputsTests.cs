using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Slipway.Core.Runtime.GitHub.Actions;

namespace Slipway.Core.Tests.Runtime.GitHub.Actions;

public sealed class ActionInputsTests
{
    private static readonly EvaluationContext Context = new([
        new("github", new ObjectValue([new("actor", ExpressionValue.From("octocat"))])),
        new("env", new ObjectValue([new("LEVEL", ExpressionValue.From("3"))])),
    ]);

    private static ActionManifest Manifest(string inputs) =>
        ActionManifestReader.ReadText($"inputs:\n{inputs}runs: {{using: node20, main: a.js}}\n", "action.yml", "/a").Manifest!;

    private static MappingToken With(params (string Key, TemplateToken Value)[] pairs)
    {
        var mapping = new MappingToken(new("w.yml", 1, 1));
        foreach (var (key, value) in pairs)
        {
            mapping.Add(new StringToken(new("w.yml", 1, 1), key), value);
        }

        return mapping;
    }

    [Fact]
    public void GHA_STEP_6_W25_InputNamesBecomeUpperCaseEnvironmentWithUnderscores()
    {
        var manifest = Manifest("  my input: {}\n");
        var inputs = ActionInputs.Resolve(manifest, With(("my input", new NumberToken(new("w.yml", 1, 1), 1))), Context).Value;
        Assert.Equal([new("INPUT_MY_INPUT", "1")], inputs.ToEnvironment());
        Assert.Empty(inputs.Warnings);
    }

    [Fact]
    public void GHA_STEP_6_DefaultsMayBeExpressionsAndApplyOnlyWhenNotGiven()
    {
        var manifest = Manifest("  who:\n    default: ${{ github.actor }}\n  level:\n    default: '1'\n  none: {}\n");
        var inputs = ActionInputs.Resolve(manifest, With(("level", new BasicExpressionToken(new("w.yml", 1, 1), "env.LEVEL"))), Context).Value;
        Assert.Equal(("octocat", "3", ""), (inputs["who"], inputs["LEVEL"], inputs["none"]));
    }

    [Fact]
    public void GHA_STEP_6_W26_UnexpectedInputIsAWarningAndTheInputStillPasses()
    {
        var manifest = Manifest("  a: {}\n  b: {}\n");
        var inputs = ActionInputs.Resolve(manifest, With(("typo", new StringToken(new("w.yml", 1, 1), "1"))), Context).Value;
        Assert.Equal(["Unexpected input(s) 'typo', valid inputs are ['a', 'b']"], inputs.Warnings);
        Assert.Equal("1", inputs["typo"]);
    }

    [Fact]
    public void DeprecatedInputGivesTheRunnersWarning()
    {
        var manifest = Manifest("  old:\n    deprecationMessage: use new\n");
        var inputs = ActionInputs.Resolve(manifest, With(("old", new StringToken(new("w.yml", 1, 1), "x"))), Context).Value;
        Assert.Equal(["Input 'old' has been deprecated with message: use new"], inputs.Warnings);
    }

    [Fact]
    public void WithoutManifestNothingIsValidated()
    {
        var inputs = ActionInputs.Resolve(null, With(("entrypoint", new StringToken(new("w.yml", 1, 1), "sh"))), Context).Value;
        Assert.Empty(inputs.Warnings);
        Assert.Equal("sh", inputs["entrypoint"]);
    }

    [Fact]
    public void BadExpressionInWithIsAnErrorAtItsLocation()
    {
        var result = ActionInputs.Resolve(null, With(("x", new BasicExpressionToken(new("w.yml", 4, 12), "nosuch.ctx"))), Context);
        Assert.False(result.IsSuccess);
        Assert.Equal(ActionDiagnosticCodes.InputEvaluation, result.Error.Code);
        Assert.Equal(4, result.Error.Location.Line);
    }
}
