using Slipway.Core.Templates;
using Slipway.Core.Yaml;

namespace Slipway.Core.Tests.Templates;

public sealed class TemplateReferenceTests : IDisposable
{
    private readonly TemplateWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void AZP_TPL_1_StepTemplate_IsInlinedInPlace()
    {
        _ws.Write("azure-pipelines.yml", """
            steps:
            - script: echo before
            - template: steps/build.yml
            - script: echo after
            """)
          .Write("steps/build.yml", """
            steps:
            - script: echo build
            - script: echo test
            """);
        var root = _ws.ExpandClean();
        Assert.Equal(["echo before", "echo build", "echo test", "echo after"], Tree.Values(root, "steps", "script"));
    }

    [Fact]
    public void AZP_TPL_1_StageJobAndVariableTemplates_AreInlined()
    {
        _ws.Write("azure-pipelines.yml", """
            variables:
            - template: vars.yml
            stages:
            - template: stages.yml
            """)
          .Write("vars.yml", "variables:\n  configuration: Release\n")
          .Write("stages.yml", "stages:\n- stage: Build\n  jobs:\n  - template: jobs.yml\n")
          .Write("jobs.yml", "jobs:\n- job: Compile\n  steps:\n  - script: make\n");
        var root = _ws.ExpandClean();
        Assert.Equal("configuration", Tree.Text(root, "variables[0].name"));
        Assert.Equal("Release", Tree.Text(root, "variables[0].value"));
        Assert.Equal("Build", Tree.Text(root, "stages[0].stage"));
        Assert.Equal("Compile", Tree.Text(root, "stages[0].jobs[0].job"));
        Assert.Equal("make", Tree.Text(root, "stages[0].jobs[0].steps[0].script"));
    }

    [Fact]
    public void AZP_TPL_1_NodesFromTemplates_PointAtTheTemplateFile()
    {
        _ws.Write("azure-pipelines.yml", "steps:\n- template: t/steps.yml\n")
          .Write("t/steps.yml", "# comment\nsteps:\n- script: echo from template\n");
        var root = _ws.ExpandClean();
        var script = Tree.At(root, "steps[0].script")!;
        Assert.Equal("t/steps.yml", script.Location.File);
        Assert.Equal(3, script.Location.Line);
        Assert.Equal(11, script.Location.Column);
    }

    [Fact]
    public void AZP_TPL_2_RelativePath_IsRelativeToTheIncludingFile()
    {
        _ws.Write("azure-pipelines.yml", "steps:\n- template: eng/a/outer.yml\n")
          .Write("eng/a/outer.yml", "steps:\n- template: ../b/inner.yml\n")
          .Write("eng/b/inner.yml", "steps:\n- script: inner\n");
        var root = _ws.ExpandClean();
        Assert.Equal("inner", Tree.Text(root, "steps[0].script"));
    }

    [Fact]
    public void AZP_TPL_2_LeadingSlash_IsTheRepositoryRoot()
    {
        _ws.Write("pipelines/ci.yml", "steps:\n- template: /eng/common/steps.yml\n")
          .Write("eng/common/steps.yml", "steps:\n- script: common\n");
        var root = _ws.ExpandClean("pipelines/ci.yml");
        Assert.Equal("common", Tree.Text(root, "steps[0].script"));
    }

    [Fact]
    public void AZP_TPL_2_AliasRepository_IsReadFromTheMappedFolder_AndItsPathsStayInIt()
    {
        using var other = new TemplateWorkspace();
        other.Write("templates/build.yml", "steps:\n- template: common/inner.yml\n- template: /root.yml\n")
             .Write("templates/common/inner.yml", "steps:\n- script: tools-inner\n")
             .Write("root.yml", "steps:\n- script: tools-root\n");
        _ws.Write("azure-pipelines.yml", """
            resources:
              repositories:
              - repository: tools
                type: git
                name: Org/Tools
            steps:
            - template: templates/build.yml@tools
            """);
        var options = new TemplateOptions { Repositories = new Dictionary<string, string> { ["tools"] = other.Root } };
        var result = _ws.Expand(options: options);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["tools-inner", "tools-root"], Tree.Values(result.Root, "steps", "script"));
        Assert.Equal("templates/common/inner.yml@tools", Tree.At(result.Root, "steps[0].script")!.Location.File);
        Assert.Contains("templates/build.yml@tools", result.Files);
    }

    [Fact]
    public void AZP_TPL_2_SelfAlias_RefersBackToThePipelineRepository()
    {
        using var other = new TemplateWorkspace();
        other.Write("build.yml", "steps:\n- template: steps/own.yml@self\n");
        _ws.Write("azure-pipelines.yml", "steps:\n- template: build.yml@tools\n")
           .Write("steps/own.yml", "steps:\n- script: own\n");
        var options = new TemplateOptions { Repositories = new Dictionary<string, string> { ["tools"] = other.Root } };
        var result = _ws.Expand(options: options);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("own", Tree.Text(result.Root, "steps[0].script"));
    }

    [Fact]
    public void AZP_TPL_2_UnmappedAlias_IsAnErrorThatNamesItAndTheOption()
    {
        _ws.Write("azure-pipelines.yml", "steps:\n- template: build.yml@tools\n");
        var d = Tree.Single(_ws.Expand(), TemplateDiagnosticCodes.UnknownRepository);
        Assert.Contains("'tools'", d.Message, StringComparison.Ordinal);
        Assert.Contains("map it with --repo tools=PATH", d.Message, StringComparison.Ordinal);
        Assert.Equal(("azure-pipelines.yml", 2, 13), (d.Location.File, d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void AZP_TPL_2_MissingTemplate_IsAnErrorAtTheReference()
    {
        _ws.Write("azure-pipelines.yml", "steps:\n- script: x\n- template: nope.yml\n");
        var d = Tree.Single(_ws.Expand(), TemplateDiagnosticCodes.TemplateNotFound);
        Assert.Equal("azure-pipelines.yml(3,13): error SLW3001: The template 'nope.yml' was not found: 'nope.yml' does not exist.", d.ToString());
    }

    [Fact]
    public void AZP_COND_7_TC59_ConditionOnATemplateReference_IsUnexpectedValue()
    {
        _ws.Write("azure-pipelines.yml", "steps:\n- template: shared.yml\n  condition: succeeded()\n")
           .Write("shared.yml", "steps:\n- script: x\n");
        var d = Tree.Single(_ws.Expand(), TemplateDiagnosticCodes.UnexpectedReferenceKey);
        Assert.StartsWith("Unexpected value 'condition'", d.Message, StringComparison.Ordinal);
        Assert.Equal((3, 3), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void AZP_TPL_4_StepTemplateWithAnotherSection_IsAnError()
    {
        _ws.Write("azure-pipelines.yml", "steps:\n- template: t.yml\n")
           .Write("t.yml", "steps:\n- script: x\njobs:\n- job: A\n");
        var d = Tree.Single(_ws.Expand(), TemplateDiagnosticCodes.UnexpectedTemplateKey);
        Assert.Contains("Unexpected value 'jobs'", d.Message, StringComparison.Ordinal);
        Assert.Equal(("t.yml", 3, 1), (d.Location.File, d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void AZP_TPL_4_TemplateThatIsNotAMapping_IsAnError()
    {
        _ws.Write("azure-pipelines.yml", "steps:\n- template: t.yml\n").Write("t.yml", "- script: x\n");
        var d = Tree.Single(_ws.Expand(), TemplateDiagnosticCodes.TemplateNotMapping);
        Assert.Equal((2, 13), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void AZP_TPL_1_TemplateValueMustNameAFile()
    {
        _ws.Write("azure-pipelines.yml", "steps:\n- template: ''\n");
        var d = Tree.Single(_ws.Expand(), TemplateDiagnosticCodes.InvalidReference);
        Assert.Equal((2, 13), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void AZP_TPL_1_ReferenceParametersMustBeAMapping()
    {
        _ws.Write("azure-pipelines.yml", "steps:\n- template: t.yml\n  parameters: [a]\n").Write("t.yml", "steps: []\n");
        var d = Tree.Single(_ws.Expand(), TemplateDiagnosticCodes.ParametersNotMapping);
        Assert.Equal((3, 15), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void AZP_TPL_1_ExtendsTemplate_ProvidesTheBody_AndKeepsTheRootsTriggers()
    {
        _ws.Write("azure-pipelines.yml", """
            trigger: [main]
            extends:
              template: base.yml
              parameters:
                message: hello
            """)
          .Write("base.yml", """
            parameters:
            - name: message
              type: string
            stages:
            - stage: Only
              jobs:
              - job: J
                steps:
                - script: echo ${{ parameters.message }}
            """);
        var root = _ws.ExpandClean();
        Assert.Null(root["extends"]);
        Assert.Equal("main", Tree.Text(root, "trigger[0]"));
        Assert.Equal("echo hello", Tree.Text(root, "stages[0].jobs[0].steps[0].script"));
    }

    [Fact]
    public void AZP_TPL_1_NestedExtends_IsFollowed()
    {
        _ws.Write("azure-pipelines.yml", "extends:\n  template: middle.yml\n")
           .Write("middle.yml", "extends:\n  template: base.yml\n  parameters:\n    who: middle\n")
           .Write("base.yml", "parameters:\n- name: who\nsteps:\n- script: from ${{ parameters.who }}\n");
        var root = _ws.ExpandClean();
        Assert.Equal("from middle", Tree.Text(root, "steps[0].script"));
    }

    [Fact]
    public void AZP_TPL_1_ExtendsWithoutTemplate_IsAnError()
    {
        _ws.Write("azure-pipelines.yml", "extends:\n  parameters: {}\n");
        var d = Tree.Single(_ws.Expand(), TemplateDiagnosticCodes.InvalidExtends);
        Assert.Equal((2, 3), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void Files_ListsTheRootFirstThenEachTemplateOnce()
    {
        _ws.Write("azure-pipelines.yml", "steps:\n- template: a.yml\n- template: a.yml\n- template: b.yml\n")
           .Write("a.yml", "steps:\n- script: a\n").Write("b.yml", "steps:\n- script: b\n");
        var result = _ws.Expand();
        Assert.Equal(["azure-pipelines.yml", "a.yml", "b.yml"], result.Files);
        Assert.Equal(["a", "a", "b"], Tree.Values(result.Root, "steps", "script"));
    }

    [Fact]
    public void YamlErrorsInATemplate_AreReportedWithTheTemplatesName()
    {
        _ws.Write("azure-pipelines.yml", "steps:\n- template: bad.yml\n").Write("bad.yml", "steps:\n- script: [\n");
        var result = _ws.Expand();
        var d = Assert.Single(result.Diagnostics, d => d.Code == YamlDiagnosticCodes.Syntax);
        Assert.Equal("bad.yml", d.Location.File);
    }
    [Fact]
    public void RootTextAndDisplayName_ComeFromOptions_TemplatesStillFromDisk()
    {
        _ws.Write("steps/t.yml", "steps:\n- script: from disk\n");
        var options = new TemplateOptions
        {
            RepositoryRoot = _ws.Root,
            RootText = "steps:\n- script: from text\n- template: steps/t.yml\n",
            RootDisplayName = "editor://pipeline.yml",
        };
        var result = TemplateExpander.Expand(Path.Combine(_ws.Root, "not-on-disk.yml"), options);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["from text", "from disk"], Tree.Values(result.Root, "steps", "script"));
        Assert.Equal("editor://pipeline.yml", Tree.At(result.Root, "steps[0].script")!.Location.File);
        Assert.Equal("steps/t.yml", Tree.At(result.Root, "steps[1].script")!.Location.File);
        Assert.Equal(["editor://pipeline.yml", "steps/t.yml"], result.Files);
    }

    [Fact]
    public void AZP_TPL_2_TemplatePathFromAnExpression()
    {
        _ws.Write("azure-pipelines.yml", "parameters:\n- name: os\n  default: linux\nsteps:\n- template: steps/${{ parameters.os }}.yml\n")
           .Write("steps/linux.yml", "steps:\n- script: on linux\n");
        Assert.Equal("on linux", Tree.Text(_ws.ExpandClean(), "steps[0].script"));
    }
}
