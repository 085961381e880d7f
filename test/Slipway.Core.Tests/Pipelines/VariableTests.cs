using Slipway.Core.Planning;
using static Slipway.Core.Pipelines.Azure.AzureDiagnosticCodes;

namespace Slipway.Core.Tests.Pipelines;

public sealed class VariableTests
{
    private const string Steps = "steps:\n- script: x\n";

    [Fact]
    public void AZP_VAR_10_MappingForm()
    {
        var plan = Azure.Valid("variables:\n  a: 1\n  b: two\n" + Steps);
        Assert.Equal([("a", "1"), ("b", "two")], plan.Variables.Cast<VariableDefinition>().Select(v => (v.Name, v.Value)));
    }

    [Fact]
    public void AZP_VAR_10_ListForm_WithReadonlyAndGroup()
    {
        var result = Azure.Compile("variables:\n- name: a\n  value: x\n  readonly: true\n- group: shared\n- name: b\n  value: y\n" + Steps);
        Assert.False(result.HasErrors);
        var plan = result.Plan!;
        Assert.Collection(plan.Variables,
            v => Assert.Equal(("a", "x", true), (((VariableDefinition)v).Name, ((VariableDefinition)v).Value, ((VariableDefinition)v).IsReadOnly)),
            v => Assert.Equal(("shared", false), (((VariableGroupReference)v).Group, ((VariableGroupReference)v).IsResolved)),
            v => Assert.Equal("b", ((VariableDefinition)v).Name));
    }

    [Fact]
    public void AZP_VAR_70_UnknownGroup_IsAWarningThatValuesAreUnknown()
    {
        var d = Azure.Warning("variables:\n- group: shared\n" + Steps, VariableGroupNotFound, 2, 10);
        Assert.Contains(".slipway/variable-groups/shared.yml", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZP_VAR_70_LocalGroupFile_ProvidesTheValues_WithSecretStateUnknown()
    {
        var repo = Directory.CreateTempSubdirectory("slipway-groups-").FullName;
        Directory.CreateDirectory(Path.Combine(repo, ".slipway", "variable-groups"));
        File.WriteAllText(Path.Combine(repo, ".slipway", "variable-groups", "shared.yml"), "apiUrl: https://example.test\nretries: 3\n");
        var result = Azure.Compile("variables:\n- group: shared\n" + Steps, repo);
        Assert.Empty(result.Diagnostics);
        var group = Assert.IsType<VariableGroupReference>(Assert.Single(result.Plan!.Variables));
        Assert.True(group.IsResolved);
        Assert.Equal([("apiUrl", "https://example.test"), ("retries", "3")], group.Values.Select(v => (v.Name, v.Value)));
        Assert.All(group.Values, v => Assert.Equal(SecretState.Unknown, v.Secret));
    }

    [Fact]
    public void AZP_VAR_70_InvalidGroupFile_IsAnErrorInThatFile()
    {
        var repo = Directory.CreateTempSubdirectory("slipway-groups-").FullName;
        Directory.CreateDirectory(Path.Combine(repo, ".slipway", "variable-groups"));
        File.WriteAllText(Path.Combine(repo, ".slipway", "variable-groups", "bad.yml"), "a:\n  nested: 1\n");
        var result = Azure.Compile("variables:\n- group: bad\n" + Steps, repo);
        var d = Azure.Has(result, VariableGroupInvalid, 2, 3);
        Assert.Equal(".slipway/variable-groups/bad.yml", d.Location.File);
    }

    [Fact]
    public void AZP_VAR_12_TC13_SameScopeEntriesKeepTheirOrder()
    {
        var plan = Azure.Valid("variables:\n- name: a\n  value: alpha\n- name: a\n  value: beta\n" + Steps);
        Assert.Equal(["alpha", "beta"], plan.Variables.Cast<VariableDefinition>().Select(v => v.Value));
    }

    [Fact]
    public void AZP_VAR_11_TC12_VariablesAtEveryScope()
    {
        var plan = Azure.Valid("variables:\n  a: pipeline yaml\nstages:\n- stage: S\n  variables:\n    a: stage yaml\n  jobs:\n  - job: J\n    variables:\n      a: job yaml\n    steps:\n    - bash: echo $(a)\n");
        Assert.Equal("pipeline yaml", ((VariableDefinition)plan.Variables[0]).Value);
        Assert.Equal("stage yaml", ((VariableDefinition)plan.Stages[0].Variables[0]).Value);
        Assert.Equal("job yaml", ((VariableDefinition)plan.Stages[0].Jobs[0].Variables[0]).Value);
    }

    [Fact]
    public void AZP_VAR_3_TC02_RuntimeExpressionValue_IsKeptAsExpressionText()
    {
        var plan = Azure.Valid("variables:\n  isMain: $[eq(variables['Build.SourceBranch'], 'refs/heads/main')]\n" + Steps);
        var v = (VariableDefinition)plan.Variables[0];
        Assert.Equal("eq(variables['Build.SourceBranch'], 'refs/heads/main')", v.RuntimeExpression!.Text);
        Assert.Equal(2, v.RuntimeExpression.Location.Line);
    }

    [Fact]
    public void AZP_VAR_4_RuntimeExpressionMustBeTheWholeValue()
    {
        var result = Azure.Compile("variables:\n  a: $[variables.x] foo\n" + Steps);
        Assert.False(result.HasErrors);
        Azure.Has(result, RuntimeExpressionNotWhole, 2, 3);
        Assert.Null(((VariableDefinition)result.Plan!.Variables[0]).RuntimeExpression);
    }

    [Fact]
    public void AZP_VAR_14_InvalidNames_AndReservedPrefixes()
    {
        Azure.Error("variables:\n  my-var: 1\n" + Steps, InvalidVariableName, 2, 3);
        Azure.Error("variables:\n- name: 'a b'\n  value: 1\n" + Steps, InvalidVariableName, 2, 9);
        Azure.Warning("variables:\n  secretToken: 1\n" + Steps, ReservedVariablePrefix, 2, 3);
        Assert.Equal("a.b_c", ((VariableDefinition)Azure.Valid("variables:\n  a.b_c: 1\n" + Steps).Variables[0]).Name);
    }

    [Fact]
    public void AZP_VAR_10_ListItemsNeedNameOrGroup_AndKnownKeys()
    {
        Azure.Error("variables:\n- value: 1\n" + Steps, MissingKey, 2, 3);
        Azure.Error("variables:\n- name: a\n  vaule: 1\n" + Steps, UnknownKey, 3, 3);
        Azure.Error("variables:\n- group: g\n  name: a\n" + Steps, UnknownKey, 3, 3);
        Azure.Error("variables:\n  a:\n    value: 1\n" + Steps, WrongType, 3, 5);
        Azure.Error("variables: abc\n" + Steps, WrongType, 1, 12);
    }
}
