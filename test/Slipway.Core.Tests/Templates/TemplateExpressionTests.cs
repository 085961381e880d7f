using Slipway.Core.Templates;
using Slipway.Core.Yaml;

namespace Slipway.Core.Tests.Templates;

public sealed class TemplateExpressionTests : IDisposable
{
    private readonly TemplateWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private YamlMapping Clean(string pipeline, TemplateOptions? options = null) =>
        _ws.Write("azure-pipelines.yml", pipeline).ExpandClean(options: options);

    private TemplateResult Run(string pipeline) => _ws.Write("azure-pipelines.yml", pipeline).Expand();

    [Fact]
    public void AZP_TPL_20_WholeValueKeepsTheType_ObjectIsInsertedAsAMapping()
    {
        // TC-36.
        var root = Clean("""
            parameters:
            - name: pool
              type: object
              default: { vmImage: ubuntu-latest }
            jobs:
            - job: A
              pool: ${{ parameters.pool }}
              steps: []
            """);
        Assert.Equal("ubuntu-latest", Tree.Text(root, "jobs[0].pool.vmImage"));
    }

    [Fact]
    public void AZP_TPL_20_EmbeddedExpression_IsInterpolatedAsText_BooleansAsTrueFalse()
    {
        var root = Clean("""
            parameters:
            - name: flag
              type: boolean
              default: true
            - name: n
              type: number
              default: 3
            steps:
            - script: prefix-${{ parameters.flag }}-${{ parameters.n }}-${{ lower('ABC') }}
            - script: ${{ parameters.flag }}
            """);
        Assert.Equal("prefix-True-3-abc", Tree.Text(root, "steps[0].script"));
        var whole = Assert.IsType<YamlScalar>(Tree.At(root, "steps[1].script"));
        Assert.Equal("True", whole.Value);
        Assert.Equal(ScalarStyle.Plain, whole.Style);
    }

    [Fact]
    public void AZP_TPL_20_Literals_EvaluateAsDocumented()
    {
        // TC-03.
        var root = Clean("""
            variables:
              someBoolean: ${{ true }}
              someNumber: ${{ -1.2 }}
              someString: ${{ 'a b c' }}
              someVersion: ${{ 1.2.3 }}
              escaped: ${{ 'It''s OK' }}
            steps: []
            """);
        Assert.Equal("True", Tree.Text(root, "variables.someBoolean"));
        Assert.Equal("-1.2", Tree.Text(root, "variables.someNumber"));
        Assert.Equal("a b c", Tree.Text(root, "variables.someString"));
        Assert.Equal("1.2.3", Tree.Text(root, "variables.someVersion"));
        Assert.Equal("It's OK", Tree.Text(root, "variables.escaped"));
    }

    [Fact]
    public void AZP_TPL_20_ExpressionInAKey_BecomesTheKey()
    {
        var root = Clean("""
            parameters:
            - name: name
              default: Greeting
            variables:
              ${{ parameters.name }}: hello
              ${{ parameters.name }}_2: again
            steps: []
            """);
        Assert.Equal("hello", Tree.Text(root, "variables.Greeting"));
        Assert.Equal("again", Tree.Text(root, "variables.Greeting_2"));
    }

    [Fact]
    public void AZP_TPL_21_ElseIfElse_InASequence_InsertsOnlyTheFirstTrueBranch()
    {
        // TC-73.
        var root = Clean("""
            variables:
              foo: contoso
            steps:
            - script: echo start
            - ${{ if eq(variables.foo, 'adaptum') }}:
              - script: echo this is adaptum
            - ${{ elseif eq(variables.foo, 'contoso') }}:
              - script: echo this is contoso
            - ${{ else }}:
              - script: echo the value is not adaptum or contoso
            """);
        Assert.Equal(["echo start", "echo this is contoso"], Tree.Values(root, "steps", "script"));
    }

    [Fact]
    public void AZP_TPL_21_ConditionalInsertion_InAMapping_TaskInputs()
    {
        // TC-73 task input variant.
        var pipeline = """
            steps:
            - task: PublishPipelineArtifact@1
              inputs:
                targetPath: '$(Pipeline.Workspace)'
                ${{ if eq(variables['Build.SourceBranchName'], 'main') }}:
                  artifact: prod
                ${{ else }}:
                  artifact: dev
            """;
        var onMain = new TemplateOptions { PredefinedVariables = new Dictionary<string, string> { ["Build.SourceBranchName"] = "main" } };
        Assert.Equal("prod", Tree.Text(Clean(pipeline, onMain), "steps[0].inputs.artifact"));
        Assert.Equal("dev", Tree.Text(Clean(pipeline), "steps[0].inputs.artifact"));
    }

    [Fact]
    public void AZP_TPL_21_StepTemplateWithBooleanParameter()
    {
        // TC-34.
        _ws.Write("steps/test.yml", """
            parameters:
            - name: runExtendedTests
              type: boolean
              default: false
            steps:
            - script: npm test
            - ${{ if eq(parameters.runExtendedTests, true) }}:
              - script: npm test --extended
            """);
        var root = Clean("""
            steps:
            - script: npm install
            - template: steps/test.yml
              parameters:
                runExtendedTests: 'true'
            """);
        Assert.Equal(["npm install", "npm test", "npm test --extended"], Tree.Values(root, "steps", "script"));
    }

    [Fact]
    public void AZP_TPL_21_ElseWithoutIf_IsAnErrorAtTheElse()
    {
        var d = Tree.Single(Run("steps:\n- script: a\n- ${{ else }}:\n  - script: b\n"), TemplateDiagnosticCodes.ElseWithoutIf);
        Assert.Equal((3, 3), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void AZP_TPL_21_ElseIfAfterAnOrdinaryKey_IsAnError()
    {
        var d = Tree.Single(Run("variables:\n  a: 1\n  ${{ elseif true }}:\n    b: 2\nsteps: []\n"), TemplateDiagnosticCodes.ElseWithoutIf);
        Assert.Equal((3, 3), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void AZP_TPL_21_IfBodyInAMappingMustBeAMapping()
    {
        var d = Tree.Single(Run("variables:\n  ${{ if true }}:\n  - a\nsteps: []\n"), TemplateDiagnosticCodes.InsertNotMapping);
        Assert.Equal((3, 3), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void AZP_TPL_22_EachOverASequence_AndNestedEach()
    {
        // TC-63.
        var root = Clean("""
            parameters:
            - name: listOfFruits
              type: object
              default:
              - fruitName: 'apple'
                colors: ['red', 'green']
              - fruitName: 'lemon'
                colors: ['yellow']
            steps:
            - ${{ each fruit in parameters.listOfFruits }}:
              - ${{ each fruitColor in fruit.colors }}:
                - script: echo ${{ fruit.fruitName }} ${{ fruitColor }}
            """);
        Assert.Equal(["echo apple red", "echo apple green", "echo lemon yellow"], Tree.Values(root, "steps", "script"));
    }

    [Fact]
    public void AZP_TPL_22_EachOverAMapping_GivesKeyAndValue_InAMapping()
    {
        var root = Clean("""
            parameters:
            - name: settings
              type: object
              default: { first: one, second: two }
            variables:
              ${{ each pair in parameters.settings }}:
                ${{ pair.key }}: ${{ pair.value }}
            steps: []
            """);
        Assert.Equal("one", Tree.Text(root, "variables.first"));
        Assert.Equal("two", Tree.Text(root, "variables.second"));
    }

    [Fact]
    public void AZP_TPL_22_EachOverSplit()
    {
        // TC-65.
        var root = Clean("""
            variables:
              environments: prod1,prod2
            steps:
            - ${{ each env in split(variables.environments, ',') }}:
              - script: ./deploy.sh --environment ${{ env }}
            """);
        Assert.Equal(["./deploy.sh --environment prod1", "./deploy.sh --environment prod2"], Tree.Values(root, "steps", "script"));
    }

    [Fact]
    public void AZP_TPL_22_EachOverAString_IsAnError()
    {
        var d = Tree.Single(Run("steps:\n- ${{ each x in 'abc' }}:\n  - script: x\n"), TemplateDiagnosticCodes.EachOverScalar);
        Assert.Equal((2, 3), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void AZP_TPL_22_MalformedEach_IsAnError()
    {
        var d = Tree.Single(Run("steps:\n- ${{ each x of parameters.list }}:\n  - script: x\n"), TemplateDiagnosticCodes.InvalidDirective);
        Assert.Equal((2, 3), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void AZP_TPL_23_Insert_MergesAMappingIntoTheCurrentMapping()
    {
        // TC-64.
        _ws.Write("jobs/build.yml", """
            parameters:
            - name: additionalVariables
              type: object
              default: {}
            jobs:
            - job: build
              variables:
                configuration: debug
                arch: x86
                ${{ insert }}: ${{ parameters.additionalVariables }}
              steps:
              - task: VSBuild@1
            """);
        var root = Clean("jobs:\n- template: jobs/build.yml\n  parameters:\n    additionalVariables:\n      foo: bar\n");
        var variables = Assert.IsType<YamlMapping>(Tree.At(root, "jobs[0].variables"));
        Assert.Equal(["configuration", "arch", "foo"], variables.Entries.Select(e => e.Key.Value));
        Assert.Equal("bar", Tree.Text(root, "jobs[0].variables.foo"));
    }

    [Fact]
    public void AZP_TPL_23_InsertAsASequenceItem_IsAnError()
    {
        var d = Tree.Single(Run("steps:\n- ${{ insert }}:\n  - script: x\n"), TemplateDiagnosticCodes.DirectiveInSequence);
        Assert.Equal((2, 3), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void AZP_TPL_24_DirectiveInsideALargerKey_IsAnError()
    {
        var d = Tree.Single(Run("variables:\n  a-${{ if true }}: x\nsteps: []\n"), TemplateDiagnosticCodes.DirectiveNotWholeKey);
        Assert.StartsWith("Directives are only supported when the entire value is an expression", d.Message, StringComparison.Ordinal);
        Assert.Equal((2, 3), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void AZP_TPL_24_QuotedExpressionText_CanHoldBraces()
    {
        var root = Clean("steps:\n- script: \"${{ 'my${{value}}' }}\"\n");
        Assert.Equal("my${{value}}", Tree.Text(root, "steps[0].script"));
    }

    [Fact]
    public void AZP_TPL_24_UnclosedExpression_IsAnError()
    {
        var d = Tree.Single(Run("steps:\n- script: echo ${{ parameters.x\n"), TemplateDiagnosticCodes.UnclosedExpression);
        Assert.Equal((2, 11), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void AZP_TPL_25_VariablesAtTheInsertionPoint_AreVisibleInTemplates()
    {
        _ws.Write("jobs.yml", "jobs:\n- job: J\n  steps:\n  - script: ${{ variables.stageVar }}/${{ variables.pipelineVar }}/${{ variables.jobVar }}\n");
        var root = Clean("""
            variables:
              pipelineVar: p
            stages:
            - stage: A
              variables:
                stageVar: s
              jobs:
              - template: jobs.yml
            - stage: B
              jobs:
              - job: K
                variables:
                  jobVar: j
                steps:
                - script: ${{ variables.stageVar }}/${{ variables.pipelineVar }}/${{ variables.jobVar }}
            """);
        Assert.Equal("s/p/", Tree.Text(root, "stages[0].jobs[0].steps[0].script"));
        Assert.Equal("/p/j", Tree.Text(root, "stages[1].jobs[0].steps[0].script"));
    }

    [Fact]
    public void AZP_VAR_7_VariablesAreVisibleToLaterEntriesOfTheSameBlock()
    {
        // TC-02.
        var root = Clean("""
            variables:
              staticVar: 'my value'
              compileVar: ${{ variables.staticVar }}
              isMain: $[eq(variables['Build.SourceBranch'], 'refs/heads/main')]
            steps:
            - script: |
                echo ${{variables.staticVar}}
                echo $(compileVar)
            """);
        Assert.Equal("my value", Tree.Text(root, "variables.compileVar"));
        Assert.Equal("$[eq(variables['Build.SourceBranch'], 'refs/heads/main')]", Tree.Text(root, "variables.isMain"));
        Assert.Equal("echo my value\necho $(compileVar)\n", Tree.Text(root, "steps[0].script"));
    }

    [Fact]
    public void AZP_VAR_7_GroupVariablesAreNotVisible_MacrosPassThrough()
    {
        // TC-60.
        _ws.Write("t.yml", "parameters:\n- name: parameter1\n  default: ''\nsteps:\n- script: '[${{ parameters.parameter1 }}]'\n");
        var root = Clean("""
            variables:
            - group: G
            steps:
            - template: t.yml
              parameters:
                parameter1: ${{ variables.VariablesTest }}
            - template: t.yml
              parameters:
                parameter1: $(VariablesTest)
            """);
        Assert.Equal(["[]", "[$(VariablesTest)]"], Tree.Values(root, "steps", "script"));
    }

    [Fact]
    public void AZP_VAR_7_PredefinedVariablesFromOptions_AreVisible()
    {
        var options = new TemplateOptions { PredefinedVariables = new Dictionary<string, string> { ["Build.SourceBranch"] = "refs/heads/main" } };
        var root = Clean("steps:\n- script: ${{ variables['build.sourcebranch'] }}\n", options);
        Assert.Equal("refs/heads/main", Tree.Text(root, "steps[0].script"));
    }

    [Fact]
    public void AZP_VAR_71_VariableTemplate_IsVisibleToTemplateExpressions()
    {
        // TC-38.
        _ws.Write("vars.yml", "variables:\n  favoriteVeggie: 'brussels sprouts'\n");
        var root = Clean("""
            variables:
            - template: vars.yml
            steps:
            - script: echo My favorite vegetable is ${{ variables.favoriteVeggie }}.
            """);
        Assert.Equal("echo My favorite vegetable is brussels sprouts.", Tree.Text(root, "steps[0].script"));
    }

    [Fact]
    public void AZP_VAR_71_VariableTemplateWithParameter_StageLevelWinsInsideTheStage()
    {
        // TC-39.
        _ws.Write("variables/release.yml", """
            parameters:
            - name: DIRECTORY
              type: string
              default: "."
            variables:
            - name: RELEASE_COMMAND
              value: grep version ${{ parameters.DIRECTORY }}/package.json | awk -F \" '{print $4}'
            """);
        var root = Clean("""
            variables:
            - template: variables/release.yml
              parameters:
                DIRECTORY: "azure/checker"
            stages:
            - stage: Release_Stage
              variables:
              - template: variables/release.yml
                parameters:
                  DIRECTORY: "azure/todo-list"
              jobs:
              - job: A
                steps:
                - script: ${{ variables.RELEASE_COMMAND }}
            - stage: Other
              jobs:
              - job: B
                steps:
                - script: ${{ variables.RELEASE_COMMAND }}
            """);
        Assert.StartsWith("grep version azure/todo-list/package.json", Tree.Text(root, "stages[0].jobs[0].steps[0].script"), StringComparison.Ordinal);
        Assert.StartsWith("grep version azure/checker/package.json", Tree.Text(root, "stages[1].jobs[0].steps[0].script"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("succeeded()", "succeeded")]
    [InlineData("counter('a', 1)", "counter")]
    [InlineData("dependencies.A.result", "dependencies")]
    [InlineData("eq(always(), true)", "always")]
    public void AZP_VAR_7_RuntimeOnlyThings_AreErrorsAtCompileTime(string expression, string name)
    {
        var d = Tree.Single(Run($"steps:\n- script: ${{{{ {expression} }}}}\n"), TemplateDiagnosticCodes.RuntimeOnly);
        Assert.StartsWith($"'{name}' is only known at run time", d.Message, StringComparison.Ordinal);
        Assert.Equal((2, 11), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void ExpressionSyntaxErrors_ComeFromTheEngineAtTheScalar()
    {
        var result = Run("steps:\n- script: ${{ eq(1, }}\n");
        var d = Assert.Single(result.Diagnostics);
        Assert.StartsWith("SLW2", d.Code, StringComparison.Ordinal);
        Assert.Equal(2, d.Location.Line);
    }

    [Fact]
    public void AZP_COND_6_ParameterInsideACondition_IsSubstitutedAtCompileTime()
    {
        // TC-71.
        var root = Clean("""
            parameters:
            - name: doThing
              default: true
              type: boolean
            steps:
            - script: echo I did a thing
              condition: and(succeeded(), eq('${{ parameters.doThing }}', true))
            - script: echo again
              condition: ${{ eq(parameters.doThing, true) }}
            """);
        Assert.Equal("and(succeeded(), eq('True', true))", Tree.Text(root, "steps[0].condition"));
        Assert.Equal("True", Tree.Text(root, "steps[1].condition"));
    }

    [Fact]
    public void AZP_EXPR_33_Join_AndAZP_EXPR_30_ContainsValue_InTemplates()
    {
        // TC-66 and TC-75.
        var options = new TemplateOptions { PredefinedVariables = new Dictionary<string, string> { ["Build.SourceBranch"] = "refs/heads/test" } };
        var root = Clean("""
            parameters:
            - name: myArray
              type: object
              default: [FOO, BAR, ZOO]
            - name: branchOptions
              type: object
              default: [refs/heads/main, refs/heads/test]
            jobs:
            - job: B1
              condition: ${{ containsValue(parameters.branchOptions, variables['Build.SourceBranch']) }}
              variables:
                A: ${{ join(';', parameters.myArray) }}
              steps: []
            """, options);
        Assert.Equal("FOO;BAR;ZOO", Tree.Text(root, "jobs[0].variables.A"));
        Assert.Equal("True", Tree.Text(root, "jobs[0].condition"));
    }

    [Fact]
    public void DuplicateKeyAfterInsertion_IsAnError()
    {
        var d = Tree.Single(Run("variables:\n  a: 1\n  ${{ if true }}:\n    a: 2\nsteps: []\n"), TemplateDiagnosticCodes.DuplicateKey);
        Assert.Equal((4, 5), (d.Location.Line, d.Location.Column));
    }
    [Fact]
    public void AZP_TPL_21_DirectiveWithAMappingValueInASequence_BuildsOneItem()
    {
        var root = Clean("""
            steps:
            - ${{ if true }}:
                script: built
                displayName: one item
            - ${{ each k in split('a,b', ',') }}:
                ${{ k }}: ${{ k }}
            """);
        Assert.Equal("built", Tree.Text(root, "steps[0].script"));
        Assert.Equal("one item", Tree.Text(root, "steps[0].displayName"));
        var merged = Assert.IsType<YamlMapping>(Tree.At(root, "steps[1]"));
        Assert.Equal(["a", "b"], merged.Entries.Select(e => e.Key.Value));
        Assert.Equal(2, Tree.Items(root, "steps").Count);
    }

    [Fact]
    public void AZP_TPL_22_EachVariableThatHidesAnother_IsAnError()
    {
        var d = Tree.Single(Run("steps:\n- ${{ each x in split('a', ',') }}:\n  - ${{ each x in split('b', ',') }}:\n    - script: x\n"), TemplateDiagnosticCodes.InvalidDirective);
        Assert.Equal((3, 5), (d.Location.Line, d.Location.Column));
    }
    [Fact]
    public void AZP_TPL_21_IfElseWithSingleItemBodies_InASequence()
    {
        var root = Clean("""
            parameters:
            - name: fast
              type: boolean
              default: false
            steps:
            - ${{ if parameters.fast }}:
                script: quick
            - ${{ else }}:
                script: thorough
            - ${{ if parameters.fast }}:
                script: only when fast
            """);
        Assert.Equal(["thorough"], Tree.Values(root, "steps", "script"));
    }
}
