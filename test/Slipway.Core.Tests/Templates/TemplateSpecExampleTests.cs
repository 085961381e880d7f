using Slipway.Core.Templates;
using Slipway.Core.Yaml;

namespace Slipway.Core.Tests.Templates;

/// <summary>The template cases of spec section 11 not covered next to their rules.</summary>
public sealed class TemplateSpecExampleTests : IDisposable
{
    private readonly TemplateWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void TC35_AnonymousJobsInARepeatedTemplate_GiveSixJobs()
    {
        _ws.Write("templates/jobs.yml", "jobs:\n- job:\n  steps:\n  - script: echo a\n- job:\n  steps:\n  - script: echo b\n")
           .Write("azure-pipelines.yml", "jobs:\n- template: templates/jobs.yml\n- template: templates/jobs.yml\n- template: templates/jobs.yml\n");
        var root = _ws.ExpandClean();
        var jobs = Tree.Items(root, "jobs");
        Assert.Equal(6, jobs.Count);
        Assert.All(jobs, j => Assert.True(((YamlMapping)j)["job"] is YamlScalar { IsNull: true }));
    }

    private const string PolicingTemplate = """
        parameters:
        - name: buildSteps
          type: stepList
          default: []
        stages:
        - stage: secure_buildstage
          jobs:
          - job: secure_buildjob
            steps:
            - script: echo This happens before code
              displayName: 'Base: Pre-build'
            - ${{ each step in parameters.buildSteps }}:
              - ${{ each pair in step }}:
                  ${{ if ne(pair.value, 'CmdLine@2') }}:
                    ${{ pair.key }}: ${{ pair.value }}
                  ${{ if eq(pair.value, 'CmdLine@2') }}:
                    '${{ pair.value }}': error
            - script: echo This happens after code
              displayName: 'Base: Signing'
        """;

    [Fact]
    public void TC37_ExtendsPolicing_BashStepsRunBetweenTheBaseSteps()
    {
        _ws.Write("start.yml", PolicingTemplate).Write("azure-pipelines.yml", """
            extends:
              template: start.yml
              parameters:
                buildSteps:
                - bash: echo Test
                  displayName: succeed
                - bash: echo "Test"
                  displayName: succeed
            """);
        var root = _ws.ExpandClean();
        Assert.Equal(
            ["Base: Pre-build", "succeed", "succeed", "Base: Signing"],
            Tree.Values(root, "stages[0].jobs[0].steps", "displayName"));
        Assert.Equal("echo Test", Tree.Text(root, "stages[0].jobs[0].steps[1].bash"));
    }

    [Fact]
    public void TC37_ExtendsPolicing_ACmdLineTaskBecomesAnInvalidKey()
    {
        _ws.Write("start.yml", PolicingTemplate).Write("azure-pipelines.yml", """
            extends:
              template: start.yml
              parameters:
                buildSteps:
                - task: CmdLine@2
                  inputs:
                    script: echo "Script Test"
            """);
        var root = _ws.ExpandClean();
        var policed = Assert.IsType<YamlMapping>(Tree.At(root, "stages[0].jobs[0].steps[1]"));

        // The dialect rejects the key with "Unexpected value 'CmdLine@2'"; the template engine's part is to produce it.
        Assert.Equal("error", Tree.Text(policed, "CmdLine@2"));
        Assert.Null(policed["task"]);
        Assert.Equal("echo \"Script Test\"", Tree.Text(policed, "inputs.script"));
    }

    [Fact]
    public void TC71_ExtendsTemplateWithAConditionFromAParameter()
    {
        _ws.Write("template.yml", """
            parameters:
            - name: doThing
              default: false
              type: boolean
            steps:
            - script: echo I did a thing
              condition: ${{ eq(parameters.doThing, true) }}
            """).Write("azure-pipelines.yml", """
            parameters:
            - name: doThing
              default: true
              type: boolean
            extends:
              template: template.yml
              parameters:
                doThing: ${{ parameters.doThing }}
            """);
        var root = _ws.ExpandClean();
        Assert.Equal("True", Tree.Text(root, "steps[0].condition"));
    }

    [Fact]
    public void TC67_ConvertToJson_ProducesIndentedJsonText()
    {
        _ws.Write("azure-pipelines.yml", """
            parameters:
            - name: listOfValues
              type: object
              default:
                this_is:
                  a_complex: object
                  with:
                  - one
                  - two
            steps:
            - script: echo "$MY_JSON"
              env:
                MY_JSON: ${{ convertToJson(parameters.listOfValues) }}
            """);
        var json = Tree.Text(_ws.ExpandClean(), "steps[0].env.MY_JSON");
        var parsed = System.Text.Json.JsonDocument.Parse(json).RootElement;
        Assert.Equal("object", parsed.GetProperty("this_is").GetProperty("a_complex").GetString());
        Assert.Equal(2, parsed.GetProperty("this_is").GetProperty("with").GetArrayLength());
        Assert.Contains('\n', json);
    }

    [Fact]
    public void ExtendsAndRootDefiningTheSameScalarKey_IsAnError()
    {
        _ws.Write("base.yml", "name: from-template\nsteps:\n- script: x\n")
           .Write("azure-pipelines.yml", "name: from-root\nextends:\n  template: base.yml\n");
        var d = Tree.Single(_ws.Expand(), TemplateDiagnosticCodes.DuplicateKey);
        Assert.Equal(("base.yml", 1, 1), (d.Location.File, d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void ExtendsAndRootVariablesAndResources_AreCombined()
    {
        _ws.Write("base.yml", """
            resources:
              repositories:
              - repository: templates
                type: git
                name: Org/Templates
            variables:
            - name: fromTemplate
              value: t
            steps:
            - script: ${{ variables.fromRoot }}
            """).Write("azure-pipelines.yml", """
            resources:
              repositories:
              - repository: self
            variables:
            - name: fromRoot
              value: r
            extends:
              template: base.yml
            """);
        var root = _ws.ExpandClean();
        Assert.Equal(["self", "templates"], Tree.Values(root, "resources.repositories", "repository"));
        Assert.Equal(["fromRoot", "fromTemplate"], Tree.Values(root, "variables", "name"));
        Assert.Equal("r", Tree.Text(root, "steps[0].script"));
    }

    [Fact]
    public void EachOverStepsRebuildingATemplateReference_ResolvesIt()
    {
        _ws.Write("wrap.yml", """
            parameters:
            - name: steps
              type: stepList
            steps:
            - ${{ each step in parameters.steps }}:
              - ${{ each pair in step }}:
                  ${{ pair.key }}: ${{ pair.value }}
            """).Write("inner.yml", "steps:\n- script: inner\n")
            .Write("azure-pipelines.yml", "steps:\n- template: wrap.yml\n  parameters:\n    steps:\n    - template: inner.yml\n    - script: plain\n");
        var root = _ws.ExpandClean();
        Assert.Equal(["inner", "plain"], Tree.Values(root, "steps", "script"));
    }
    [Fact]
    public void AZP_TPL_30_StepsBesideExtends_IsAnError()
    {
        _ws.Write("base.yml", "steps:\n- script: x\n").Write("azure-pipelines.yml", "steps:\n- script: mine\nextends:\n  template: base.yml\n");
        var d = Tree.Single(_ws.Expand(), TemplateDiagnosticCodes.InvalidExtends);
        Assert.Equal((1, 1), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void AZP_TPL_30_RootVariablesInMappingForm_CombineWithTheTemplatesList()
    {
        _ws.Write("base.yml", "variables:\n- name: fromTemplate\n  value: t\nsteps:\n- script: ${{ variables.fromRoot }}\n")
           .Write("azure-pipelines.yml", "variables:\n  fromRoot: r\nextends:\n  template: base.yml\n");
        var root = _ws.ExpandClean();
        Assert.Equal(["fromRoot", "fromTemplate"], Tree.Values(root, "variables", "name"));
        Assert.Equal("r", Tree.Text(root, "steps[0].script"));
    }
}
