using Slipway.Core.Templates;

namespace Slipway.Core.Tests.Templates;

public sealed class TemplateParameterTests : IDisposable
{
    private readonly TemplateWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private TemplateWorkspace Template(string declarations, string steps = "- script: ok\n") =>
        _ws.Write("t.yml", "parameters:\n" + declarations + "steps:\n" + steps);

    private TemplateResult Pass(string parameters) =>
        _ws.Write("azure-pipelines.yml", "steps:\n- template: t.yml\n  parameters:\n" + parameters).Expand();

    public static TheoryData<string, string> AcceptedValues => new()
    {
        { "string", "    p: hello\n" },
        { "number", "    p: 3.5\n" },
        { "number", "    p: '-1,000'\n" },
        { "boolean", "    p: yes\n" },
        { "boolean", "    p: OFF\n" },
        { "object", "    p: { a: [1, 2] }\n" },
        { "step", "    p: { script: echo }\n" },
        { "stepList", "    p:\n    - bash: echo\n    - task: CmdLine@2\n    - template: other.yml\n" },
        { "job", "    p: { job: A }\n" },
        { "jobList", "    p:\n    - job: A\n    - deployment: D\n" },
        { "deployment", "    p: { deployment: D }\n" },
        { "deploymentList", "    p:\n    - deployment: D\n" },
        { "stage", "    p: { stage: S }\n" },
        { "stageList", "    p:\n    - stage: S\n    - template: s.yml\n" },
    };

    [Theory]
    [MemberData(nameof(AcceptedValues))]
    public void AZP_TPL_10_EveryTypeAcceptsItsValues(string type, string value)
    {
        Template($"- name: p\n  type: {type}\n");
        _ws.Write("other.yml", "steps:\n- script: other\n").Write("s.yml", "stages:\n- stage: FromTemplate\n");
        var result = Pass(value);
        Assert.Empty(result.Diagnostics);
    }

    public static TheoryData<string, string> RejectedValues => new()
    {
        { "string", "    p: [a]\n" },
        { "number", "    p: twelve\n" },
        { "boolean", "    p: maybe\n" },
        { "step", "    p: { name: x }\n" },
        { "stepList", "    p:\n    - script: a\n    - notAStep: b\n" },
        { "job", "    p: { stage: S }\n" },
        { "jobList", "    p: { job: A }\n" },
        { "deployment", "    p: { job: A }\n" },
        { "deploymentList", "    p:\n    - job: A\n" },
        { "stage", "    p: { job: A }\n" },
        { "stageList", "    p:\n    - job: A\n" },
    };

    [Theory]
    [MemberData(nameof(RejectedValues))]
    public void AZP_TPL_10_WrongType_IsAnErrorAtTheValue(string type, string value)
    {
        Template($"- name: p\n  type: {type}\n");
        var d = Tree.Single(Pass(value), TemplateDiagnosticCodes.WrongParameterType);
        Assert.Contains($"does not match its type '{type}'", d.Message, StringComparison.Ordinal);
        Assert.Equal("azure-pipelines.yml", d.Location.File);
        Assert.True(d.Location.Line >= 4, d.ToString());
    }

    [Fact]
    public void AZP_TPL_10_UnknownType_IsAnErrorAtTheType()
    {
        Template("- name: p\n  type: strnig\n");
        var d = Tree.Single(Pass("    p: x\n"), TemplateDiagnosticCodes.UnknownParameterType);
        Assert.Equal(("t.yml", 3, 9), (d.Location.File, d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void AZP_TPL_10_DeclarationWithoutName_OrWithAnUnknownKey_IsAnError()
    {
        Template("- type: string\n- name: q\n  defualt: x\n");
        var result = Pass("    q: 1\n");
        var missing = Assert.Single(result.Diagnostics, d => d.Message.Contains("'name' parameter", StringComparison.Ordinal));
        Assert.Equal((2, 3), (missing.Location.Line, missing.Location.Column));
        var unknown = Assert.Single(result.Diagnostics, d => d.Message.Contains("'defualt'", StringComparison.Ordinal));
        Assert.Equal((4, 3), (unknown.Location.Line, unknown.Location.Column));
    }

    [Fact]
    public void AZP_TPL_10_DuplicateDeclaration_IsAnError()
    {
        Template("- name: p\n  default: 1\n- name: P\n  default: 2\n");
        var d = Tree.Single(Pass("    p: 3\n"), TemplateDiagnosticCodes.InvalidParameterDeclaration);
        Assert.Equal((4, 9), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void AZP_TPL_11_UntypedParameter_FalseIsAStringAndTruthy()
    {
        // TC-11: an untyped parameter is a string, so 'false' is non-empty and eq(true, ...) is True.
        Template("- name: myparam\n", "- ${{ if eq(true, parameters['myparam']) }}:\n  - script: truthy\n");
        var result = Pass("    myparam: false\n");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["truthy"], Tree.Values(result.Root, "steps", "script"));
    }

    [Fact]
    public void AZP_TPL_11_BooleanParameter_FalseIsFalse()
    {
        Template("- name: myparam\n  type: boolean\n", "- ${{ if eq(true, parameters['myparam']) }}:\n  - script: truthy\n- script: end\n");
        var result = Pass("    myparam: false\n");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["end"], Tree.Values(result.Root, "steps", "script"));
    }

    [Fact]
    public void AZP_TPL_12_ValueOutsideValues_IsAnErrorAtTheValue()
    {
        Template("- name: os\n  type: string\n  values: [windows, linux]\n");
        var d = Tree.Single(Pass("    os: macos\n"), TemplateDiagnosticCodes.ValueNotAllowed);
        Assert.Equal("azure-pipelines.yml(4,9): error SLW3024: 'macos' is not an allowed value for parameter 'os'; allowed values: windows, linux.", d.ToString());
    }

    [Fact]
    public void AZP_TPL_12_NumberValues_CompareAsNumbers()
    {
        Template("- name: n\n  type: number\n  values: [1, 2]\n", "- script: n=${{ parameters.n }}\n");
        var result = Pass("    n: 2.0\n");
        Assert.Empty(result.Diagnostics);
        Assert.Equal("n=2", Tree.Text(result.Root, "steps[0].script"));
    }

    [Fact]
    public void AZP_TPL_13_MissingRequiredParameter_IsAnErrorAtTheReference()
    {
        Template("- name: required\n  type: string\n");
        var d = Tree.Single(Pass("    {}\n"), TemplateDiagnosticCodes.MissingParameter);
        Assert.StartsWith("A value for the 'required' parameter must be provided", d.Message, StringComparison.Ordinal);
        Assert.Equal(("azure-pipelines.yml", 2, 13), (d.Location.File, d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void AZP_TPL_13_UndeclaredParameter_IsUnexpectedAtItsKey()
    {
        Template("- name: spelledRight\n  default: ''\n");
        var d = Tree.Single(Pass("    speltWrong: true\n"), TemplateDiagnosticCodes.UnexpectedParameter);
        Assert.StartsWith("Unexpected parameter 'speltWrong'", d.Message, StringComparison.Ordinal);
        Assert.Equal((4, 5), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void AZP_TPL_13_ParameterNames_AreCaseInsensitive()
    {
        Template("- name: Config\n  type: string\n", "- script: ${{ parameters.config }}\n");
        var result = Pass("    CONFIG: Release\n");
        Assert.Empty(result.Diagnostics);
        Assert.Equal("Release", Tree.Text(result.Root, "steps[0].script"));
    }

    [Fact]
    public void AZP_TPL_13_LegacyMappingForm_HasDefaultsAndAcceptsUndeclaredParameters()
    {
        _ws.Write("t.yml", "parameters:\n  configuration: Debug\n  flag: false\nsteps:\n- script: ${{ parameters.configuration }} ${{ parameters.extra }}\n- ${{ if parameters.flag }}:\n  - script: legacy strings are truthy\n");
        var result = Pass("    extra: more\n");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["Debug more", "legacy strings are truthy"], Tree.Values(result.Root, "steps", "script"));
    }

    [Fact]
    public void AZP_TPL_13_DefaultIsUsedWhenNotPassed_AndTyped()
    {
        Template("- name: flag\n  type: boolean\n  default: true\n- name: n\n  type: number\n  default: 7\n",
            "- script: ${{ parameters.flag }} ${{ parameters.n }} ${{ eq(parameters.n, 7) }}\n");
        var result = Pass("    {}\n");
        Assert.Empty(result.Diagnostics);
        Assert.Equal("True 7 True", Tree.Text(result.Root, "steps[0].script"));
    }

    [Fact]
    public void AZP_TPL_15_StepListSplicesIntoSteps_AndAStepIsInsertedAsOneItem()
    {
        // TC-40.
        Template("- name: mySteplist\n  type: stepList\n  default: []\n- name: myStep\n  type: step\n  default: { script: echo my step }\n",
            "- ${{ parameters.mySteplist }}\n- ${{ parameters.myStep }}\n");
        var result = Pass("    mySteplist:\n    - script: echo step one\n    - script: echo step two\n");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["echo step one", "echo step two", "echo my step"], Tree.Values(result.Root, "steps", "script"));
    }

    [Fact]
    public void AZP_TPL_15_StepListAsTheWholeStepsValue()
    {
        _ws.Write("t.yml", "parameters:\n- name: steps\n  type: stepList\njobs:\n- job: A\n  steps: ${{ parameters.steps }}\n")
           .Write("azure-pipelines.yml", "jobs:\n- template: t.yml\n  parameters:\n    steps:\n    - script: one\n    - template: more.yml\n")
           .Write("more.yml", "steps:\n- script: two\n");
        var root = _ws.ExpandClean();
        Assert.Equal(["one", "two"], Tree.Values(root, "jobs[0].steps", "script"));
        Assert.Equal("more.yml", Tree.At(root, "jobs[0].steps[1].script")!.Location.File);
    }

    [Fact]
    public void AZP_TPL_14_RuntimeParameters_ComeFromOptions_Typed()
    {
        _ws.Write("azure-pipelines.yml", """
            parameters:
            - name: image
              type: string
              default: ubuntu-latest
              values: [ubuntu-latest, windows-latest]
            - name: runTests
              type: boolean
              default: false
            - name: configs
              type: object
              default: [Debug]
            steps:
            - script: build on ${{ parameters.image }} tests=${{ parameters.runTests }}
            - ${{ each c in parameters.configs }}:
              - script: config ${{ c }}
            """);
        var options = new TemplateOptions
        {
            Parameters = new Dictionary<string, string> { ["image"] = "windows-latest", ["runTests"] = "true", ["configs"] = "[Debug, Release]" },
        };
        var root = _ws.ExpandClean(options: options);
        Assert.Equal(["build on windows-latest tests=True", "config Debug", "config Release"], Tree.Values(root, "steps", "script"));
        Assert.NotNull(root["parameters"]);
    }

    [Fact]
    public void AZP_TPL_14_RuntimeParameterOutsideValues_IsAnErrorBeforeTheRun()
    {
        // TC-40: a queued value 'windows' for values [default, ubuntu] is an error.
        _ws.Write("azure-pipelines.yml", "parameters:\n- name: myMultiString\n  type: string\n  default: default\n  values: [default, ubuntu]\nsteps:\n- script: x\n");
        var options = new TemplateOptions { Parameters = new Dictionary<string, string> { ["myMultiString"] = "windows" } };
        var d = Tree.Single(_ws.Expand(options: options), TemplateDiagnosticCodes.ValueNotAllowed);
        Assert.Contains("'windows' is not an allowed value", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZP_TPL_14_UnknownRuntimeParameter_AndMissingRequiredOne_AreErrors()
    {
        _ws.Write("azure-pipelines.yml", "parameters:\n- name: needed\n  type: string\nsteps:\n- script: x\n");
        var result = _ws.Expand(options: new TemplateOptions { Parameters = new Dictionary<string, string> { ["other"] = "1" } });
        Assert.Contains("--param", Tree.Single(result, TemplateDiagnosticCodes.UnexpectedParameter).Message, StringComparison.Ordinal);
        Assert.Equal("azure-pipelines.yml", Tree.Single(result, TemplateDiagnosticCodes.MissingParameter).Location.File);
    }

    [Fact]
    public void AZP_TPL_14_BadRuntimeBoolean_IsAWrongTypeError()
    {
        _ws.Write("azure-pipelines.yml", "parameters:\n- name: flag\n  type: boolean\n  default: false\nsteps:\n- script: x\n");
        var result = _ws.Expand(options: new TemplateOptions { Parameters = new Dictionary<string, string> { ["flag"] = "perhaps" } });
        Assert.Contains("'boolean'", Tree.Single(result, TemplateDiagnosticCodes.WrongParameterType).Message, StringComparison.Ordinal);
    }
    [Fact]
    public void AZP_TPL_10_ListParameters_ResolveTheirTemplateReferencesBeforeTheTemplateSeesThem()
    {
        _ws.Write("t.yml", "parameters:\n- name: stages\n  type: stageList\nstages:\n- ${{ each s in parameters.stages }}:\n  - stage: Wrapped_${{ s.stage }}\n")
           .Write("s.yml", "stages:\n- stage: A\n- stage: B\n")
           .Write("azure-pipelines.yml", "stages:\n- template: t.yml\n  parameters:\n    stages:\n    - template: s.yml\n    - stage: C\n");
        var root = _ws.ExpandClean();
        Assert.Equal(["Wrapped_A", "Wrapped_B", "Wrapped_C"], Tree.Values(root, "stages", "stage"));
    }
    [Fact]
    public void AZP_TPL_10_WrongType_PointsAtThePassedValue()
    {
        Template("- name: flag\n  type: boolean\n");
        var d = Tree.Single(Pass("    flag: maybe\n"), TemplateDiagnosticCodes.WrongParameterType);
        Assert.Equal("azure-pipelines.yml(4,11): error SLW3025: The value of parameter 'flag' does not match its type 'boolean': expected a boolean (true or false).", d.ToString());
    }
    [Fact]
    public void AZP_TPL_13_ReferenceToAnUndeclaredParameter_IsAnErrorOncePerPlace()
    {
        Template("- name: declared\n  default: x\n", "- script: ${{ parameters.declared }} ${{ parameters.undeclared }}\n");
        _ws.Write("azure-pipelines.yml", "steps:\n- template: t.yml\n- template: t.yml\n");
        var d = Tree.Single(_ws.Expand(), TemplateDiagnosticCodes.UndefinedParameter);
        Assert.Equal("t.yml(5,11): error SLW3041: Unexpected parameter reference 'parameters.undeclared': 't.yml' does not declare it.", d.ToString());
    }

    [Fact]
    public void AZP_TPL_13_LegacyTemplates_MayReferToAnyParameter()
    {
        _ws.Write("t.yml", "parameters:\n  declared: x\nsteps:\n- script: '[${{ parameters.undeclared }}]'\n");
        var result = Pass("    declared: y\n");
        Assert.Empty(result.Diagnostics);
        Assert.Equal("[]", Tree.Text(result.Root, "steps[0].script"));
    }

    [Fact]
    public void AZP_TPL_13_ExpressionInAParameterDefault_IsNotAllowed()
    {
        Template("- name: projects\n  default: '**/*.csproj'\n- name: packagesToPack\n  default: ${{ parameters.projects }}\n");
        var d = Tree.Single(Pass("    {}\n"), TemplateDiagnosticCodes.ExpressionNotAllowed);
        Assert.StartsWith("A template expression is not allowed in this context", d.Message, StringComparison.Ordinal);
        Assert.Equal(("t.yml", 5, 12), (d.Location.File, d.Location.Line, d.Location.Column));
    }
}
