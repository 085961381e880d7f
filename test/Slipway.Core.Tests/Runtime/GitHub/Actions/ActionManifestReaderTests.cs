using Slipway.Core.Pipelines.GitHub.Tokens;
using Slipway.Core.Runtime.GitHub.Actions;

namespace Slipway.Core.Tests.Runtime.GitHub.Actions;

public sealed class ActionManifestReaderTests
{
    private static ActionManifestResult Read(string yaml) => ActionManifestReader.ReadText(yaml, "action.yml", "/a");

    [Fact]
    public void GHA_ACT_2_NodeActionWithDefaultsOfPreIfAndPostIf()
    {
        var manifest = Read("""
            name: Greet
            description: says hello
            inputs:
              who:
                description: whom
                required: true
                default: ${{ github.actor }}
              old:
                deprecationMessage: use who
            outputs:
              greeting:
                description: the text
            runs:
              using: node20
              main: dist/index.js
              post: dist/post.js
            """).Manifest!;
        Assert.Equal("Greet", manifest.Name);
        Assert.Equal(["who", "old"], manifest.Inputs.Select(i => i.Id));
        Assert.True(manifest.Inputs[0].Required);
        Assert.Equal("github.actor", Assert.IsType<BasicExpressionToken>(manifest.Inputs[0].Default).Expression);
        Assert.Equal("use who", manifest.Inputs[1].DeprecationMessage);
        var runs = Assert.IsType<NodeActionRuns>(manifest.Runs);
        Assert.Equal(("dist/index.js", "dist/post.js", "always()", "always()"), (runs.Main, runs.Post, runs.PreIf, runs.PostIf));
    }

    [Fact]
    public void GHA_ACT_4_CompositeStepsAreReadAsWorkflowSteps()
    {
        var manifest = Read("""
            runs:
              using: composite
              steps:
                - run: echo ${{ inputs.who }}
                  shell: bash
                - uses: ./inner
                  if: inputs.flag == 'x'
            outputs:
              out:
                value: ${{ steps.s.outputs.v }}
            """).Manifest!;
        var runs = Assert.IsType<CompositeActionRuns>(manifest.Runs);
        Assert.Equal(2, runs.Steps.Count);
        Assert.Equal("__run", runs.Steps[0].Id);
        Assert.Equal("success() && (inputs.flag == 'x')", runs.Steps[1].If!.Expression);
        Assert.IsType<BasicExpressionToken>(manifest.Outputs[0].Value);
    }

    [Fact]
    public void GHA_ACT_4_CompositeRunStepWithoutShellIsAnErrorAtTheStep()
    {
        var result = Read("runs:\n  using: composite\n  steps:\n    - run: echo hi\n");
        var error = Assert.Single(result.Errors);
        Assert.Equal(ActionDiagnosticCodes.CompositeShellMissing, error.Code);
        Assert.Equal(("action.yml", 4, 7), (error.Location.File, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void GHA_ACT_3_DockerActionArgsAndEnv()
    {
        var runs = Assert.IsType<DockerActionRuns>(Read("""
            runs:
              using: docker
              image: Dockerfile
              args: [--name, "${{ inputs.who }}"]
              env: {A: b}
              entrypoint: /entry.sh
            """).Manifest!.Runs);
        Assert.Equal(("Dockerfile", "/entry.sh"), (runs.Image, runs.Entrypoint));
        Assert.Equal(2, Assert.IsType<SequenceToken>(runs.Args).Items.Count);
    }

    [Theory]
    [InlineData("runs:\n  using: node8\n  main: a.js\n", 2, 10, "'using: node8' is not supported")]
    [InlineData("runs:\n  using: node20\n", 2, 3, "Entry javascript file is not provided")]
    [InlineData("name: x\n", 1, 1, "Required property is missing: runs")]
    [InlineData("runs:\n  using: docker\n", 2, 3, "an image is not provided")]
    [InlineData("runs: {using: node20, main: a.js, steps: []}\n", 1, 35, "Unexpected value 'steps'")]
    [InlineData("inputs:\n  a:\n    defualt: 1\nruns: {using: node20, main: a.js}\n", 3, 5, "Unexpected value 'defualt'")]
    [InlineData("runs:\n  using: composite\n  steps:\n    - uses: badrepo@invalid\n", 4, 13, "Expected format {org}/{repo}[/path]@ref")]
    public void BadManifestsGiveErrorsWithLineAndColumn(string yaml, int line, int column, string message)
    {
        var result = Read(yaml);
        Assert.Null(result.Manifest);
        var error = Assert.Single(result.Errors);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Location.Line, error.Location.Column));
        Assert.StartsWith("SLW84", error.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void YamlSyntaxErrorIsReportedWithTheActionCode()
    {
        var result = Read("runs: [\n");
        Assert.Equal(ActionDiagnosticCodes.ManifestYaml, Assert.Single(result.Errors).Code);
    }
}
