using Slipway.Core.Pipelines.GitHub;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Tokens;

namespace Slipway.Core.Tests.Pipelines.GitHub;

/// <summary>GitHub's workflow rules from the spec (GHA-WF-*, GHA-JOB-*, GHA-STEP-*, cases W1-W29), with GitHub's messages.</summary>
public sealed class WorkflowRulesTests
{
    private const string File = ".github/workflows/ci.yml";

    private static WorkflowReadResult Read(string yaml) => WorkflowReader.ReadText(yaml, File);

    private static string OneError(string yaml) => Assert.Single(Read(yaml).Errors).Message;

    private static Job OnlyJob(string yaml)
    {
        var result = Read(yaml);
        Assert.Empty(result.Errors);
        return Assert.IsType<Job>(Assert.Single(result.Workflow!.Jobs));
    }

    [Fact]
    public void GHA_WF_1_JobsIsRequired() =>
        Assert.Equal("Required property is missing: jobs", OneError("on: push\n"));

    [Fact]
    public void GHA_WF_1_UnknownTopLevelKey() =>
        Assert.Equal("Unexpected value 'job'", OneError("on: push\njob: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: y\n"));

    [Theory]
    [InlineData("on: push")]
    [InlineData("on: [push, pull_request]")]
    [InlineData("on:\n  push:\n    branches: [main]\n  pull_request:")]
    public void GHA_WF_2_OnAcceptsStringSequenceOrMapping(string on)
    {
        var result = Read(on + "\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: y\n");
        Assert.Empty(result.Errors);
        Assert.Contains(result.Workflow!.Events.Items, e => e.Name == "push");
    }

    [Fact]
    public void GHA_WF_2_StrictEvents_MisspeltEventIsAnError()
    {
        const string Yaml = "on: pushh\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: y\n";
        Assert.Empty(Read(Yaml).Errors);
        var strict = WorkflowReader.ReadText(Yaml, File, new WorkflowReaderOptions { StrictEvents = true });
        Assert.Equal("Unexpected value 'pushh'", Assert.Single(strict.Errors).Message);
    }

    [Fact]
    public void GHA_WF_2_StrictEvents_UnknownFilterIsAnError()
    {
        var strict = WorkflowReader.ReadText(
            "on:\n  push:\n    branch: [main]\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: y\n", File, new WorkflowReaderOptions { StrictEvents = true });
        Assert.Equal("Unexpected value 'branch'", Assert.Single(strict.Errors).Message);
    }

    [Fact]
    public void GHA_REUSE_1_MissingLocalReusableWorkflowIsAnError()
    {
        var directory = Directory.CreateTempSubdirectory("slipway-gha-");
        try
        {
            var workflows = Directory.CreateDirectory(Path.Combine(directory.FullName, ".github", "workflows"));
            var path = Path.Combine(workflows.FullName, "ci.yml");
            System.IO.File.WriteAllText(path, "on: push\njobs:\n  call:\n    uses: ./.github/workflows/missing.yml\n");
            var error = Assert.Single(WorkflowReader.Read(path, ".github/workflows/ci.yml").Errors);
            Assert.Equal("Unable to find reusable workflow", error.Message);
            Assert.Equal((4, 11), (error.Location.Line, error.Location.Column));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("0 2 * * *")]
    [InlineData("*/15 9-17 * * mon-fri")]
    [InlineData("30 5,17 1 JAN,jul SUN")]
    [InlineData("0 0 1-15/2 * *")]
    public void GHA_WF_7_ValidCron(string cron) =>
        Assert.Empty(Read($"on:\n  schedule:\n    - cron: '{cron}'\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: y\n").Errors);

    [Theory]
    [InlineData("0 2 * *")]
    [InlineData("60 * * * *")]
    [InlineData("0 24 * * *")]
    [InlineData("0 0 0 * *")]
    [InlineData("0 0 * 13 *")]
    [InlineData("0 0 * * 7")]
    [InlineData("5-1 * * * *")]
    [InlineData("*/0 * * * *")]
    public void GHA_WF_7_InvalidCron(string cron) =>
        Assert.Equal("Invalid cron expression. Expected format: '* * * * *' (minute hour day month weekday)",
            OneError($"on:\n  schedule:\n    - cron: '{cron}'\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: y\n"));

    [Theory]
    [InlineData("type: choice", "Missing 'options' for choice input")]
    [InlineData("type: string\n        options: [a]", "Input type is not 'choice', but 'options' is defined")]
    [InlineData("type: boolean\n        default: maybe", "Unexpected type 'StringToken' encountered while reading 'input default'. The type 'BooleanToken' was expected.")]
    [InlineData("type: string\n        color: red", "Invalid key 'color'")]
    public void GHA_WF_5_DispatchInputChecks(string spec, string message) =>
        Assert.Equal(message, OneError($"on:\n  workflow_dispatch:\n    inputs:\n      x:\n        {spec}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: y\n"));

    [Fact]
    public void GHA_WF_6_WorkflowCallInputNeedsAType() =>
        Assert.Equal("Required property is missing: type",
            OneError("on:\n  workflow_call:\n    inputs:\n      x:\n        required: true\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: y\n"));

    [Fact]
    public void GHA_WF_11_InvalidPermissionScope() =>
        Assert.Equal("Unexpected value 'badscope'",
            OneError("on: push\npermissions:\n  badscope: read\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: y\n"));

    [Theory]
    [InlineData("my.job")]
    [InlineData("0job")]
    [InlineData("-job")]
    public void GHA_JOB_1_InvalidJobIds(string id) =>
        Assert.Equal(
            $"The identifier '{id}' is invalid. IDs may only contain alphanumeric characters, '_', and '-'. IDs must start with a letter or '_' and and must be less than 100 characters.",
            OneError($"on: push\njobs:\n  '{id}':\n    runs-on: x\n    steps:\n      - run: y\n"));

    [Fact]
    public void GHA_JOB_1_DoubleUnderscoreIsReserved() =>
        Assert.Equal("The identifier '__a' is invalid. IDs starting with '__' are reserved.",
            OneError("on: push\njobs:\n  __a:\n    runs-on: x\n    steps:\n      - run: y\n"));

    [Fact]
    public void GHA_JOB_2_W4_NeedsUnknownJob() =>
        Assert.Equal("Job 'one' depends on unknown job 'two'.",
            OneError("on: push\njobs:\n  one:\n    needs: two\n    runs-on: x\n    steps:\n      - run: y\n  zero:\n    runs-on: x\n    steps:\n      - run: y\n"));

    [Fact]
    public void GHA_JOB_2_W3_NeedsCycle()
    {
        var yaml = "on: push\njobs:\n  one:\n    runs-on: x\n    steps:\n      - run: y\n"
            + "  two:\n    needs: [one, three]\n    runs-on: x\n    steps:\n      - run: y\n"
            + "  three:\n    needs: two\n    runs-on: x\n    steps:\n      - run: y\n";
        var errors = Read(yaml).Errors;
        Assert.Equal(
            [
                "Job 'two' depends on job 'three' which creates a cycle in the dependency graph.",
                "Job 'three' depends on job 'two' which creates a cycle in the dependency graph.",
            ],
            errors.Select(e => e.Message));
        Assert.Equal((8, 18), (errors[0].Location.Line, errors[0].Location.Column));
    }

    [Fact]
    public void GHA_JOB_2_NoStartJob() =>
        Assert.Equal("The workflow must contain at least one job with no dependencies.",
            OneError("on: push\njobs:\n  a:\n    needs: b\n    runs-on: x\n    steps:\n      - run: y\n  b:\n    needs: a\n    runs-on: x\n    steps:\n      - run: y\n"));

    [Fact]
    public void GHA_JOB_3_W1_DefaultConditionIsSuccess() =>
        Assert.Equal("success()", OnlyJob("on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: y\n").If.Expression);

    [Theory]
    [InlineData("github.ref == 'refs/heads/main'", "success() && (github.ref == 'refs/heads/main')")]
    [InlineData("${{ github.ref == 'refs/heads/main' }}", "success() && (github.ref == 'refs/heads/main')")]
    [InlineData("always() && github.ref == 'x'", "always() && github.ref == 'x'")]
    [InlineData("failure('build')", "failure('build')")]
    [InlineData("contains(github.ref, 'success()')", "success() && (contains(github.ref, 'success()'))")]
    public void GHA_JOB_3_W2_ConditionWrapping(string condition, string expected) =>
        Assert.Equal(expected, OnlyJob($"on: push\njobs:\n  a:\n    if: \"{condition}\"\n    runs-on: x\n    steps:\n      - run: y\n").If.Expression);

    [Fact]
    public void GHA_JOB_4_RunsOnAndUsesAreExclusive() =>
        Assert.NotEmpty(Read("on: push\njobs:\n  a:\n    runs-on: x\n    uses: o/r/.github/workflows/w.yml@v1\n").Errors);

    [Fact]
    public void GHA_JOB_4_RunsOnIsRequired() =>
        Assert.Equal("Required property is missing: runs-on", OneError("on: push\njobs:\n  a:\n    steps:\n      - run: y\n"));

    [Fact]
    public void GHA_JOB_5_W5_EmptyMatrixVector() =>
        Assert.Equal("Matrix vector 'os' does not contain any values",
            OneError("on: push\njobs:\n  a:\n    strategy:\n      matrix:\n        os: []\n        version: [10, 12]\n    runs-on: x\n    steps:\n      - run: y\n"));

    [Fact]
    public void GHA_STEP_1_StepNeedsRunOrUses() =>
        Assert.NotEmpty(Read("on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - name: nothing\n").Errors);

    [Fact]
    public void GHA_STEP_1_DuplicateStepIds() =>
        Assert.Equal("The identifier 'b' may not be used more than once within the same scope.",
            OneError("on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - id: b\n        run: y\n      - id: b\n        run: z\n"));

    [Fact]
    public void GHA_STEP_1_GeneratedIdsCountCollisions()
    {
        var job = OnlyJob("on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: 1\n      - uses: actions/checkout@v4\n      - run: 2\n      - uses: docker://alpine:3\n      - uses: ./local\n");
        Assert.Equal(["__run", "__actions_checkout", "__run_2", "__alpine_3", "__self"], job.Steps.Select(s => s.Id));
    }

    [Fact]
    public void GHA_STEP_2_W29_SecretsAreNotAllowedInStepIf() =>
        Assert.StartsWith("Unrecognized named-value: 'secrets'",
            OneError("on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - if: ${{ secrets.X != '' }}\n        run: y\n"));

    [Theory]
    [InlineData("badrepo@invalid")]
    [InlineData("owner/repo")]
    [InlineData("owner@v1")]
    public void GHA_STEP_3_W9_UsesSyntax(string uses) =>
        Assert.Equal($"Expected format {{org}}/{{repo}}[/path]@ref. Actual '{uses}'",
            OneError($"on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: {uses}\n"));

    [Theory]
    [InlineData("actions/checkout@v4")]
    [InlineData("actions/aws/ec2@main")]
    [InlineData("./.github/actions/local")]
    [InlineData("docker://alpine:3.20")]
    public void GHA_STEP_3_ValidUses(string uses) =>
        Assert.Equal(uses, OnlyJob($"on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: {uses}\n").Steps[0].Uses!.Value);

    [Fact]
    public void GHA_WF_Expressions_NotAllowedWhereTheSchemaHasNoContext() =>
        Assert.Equal("A template expression is not allowed in this context",
            OneError("name: ${{ format('{0}', 'x') }}\non: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: y\n"));

    [Fact]
    public void GHA_WF_Expressions_EmbeddedExpressionsBecomeFormat()
    {
        var job = OnlyJob("on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ${{ github.sha }} on ${{ runner.os }}\n");
        Assert.Equal("format('echo {0} on {1}', github.sha, runner.os)", Assert.IsType<BasicExpressionToken>(job.Steps[0].Run).Expression);
    }

    [Fact]
    public void GHA_WF_Diagnostics_PrintWithFileLineColumnAndCode()
    {
        var result = Read("on: push\njobs:\n  one:\n    needs: two\n    runs-on: x\n    steps:\n      - run: y\n  zero:\n    runs-on: x\n    steps:\n      - run: y\n");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(".github/workflows/ci.yml(4,12): error SLW5031: Job 'one' depends on unknown job 'two'.", diagnostic.ToString());
        Assert.Equal(".github/workflows/ci.yml (Line: 4, Col: 12): Job 'one' depends on unknown job 'two'.", result.Errors[0].GitHubMessage);
        Assert.Null(result.Workflow);
    }

    [Fact]
    public void GHA_WF_Diagnostics_ExplicitTagThatDoesNotFitIsSlw5001()
    {
        var error = Assert.Single(Read("on: push\njobs:\n  a:\n    runs-on: !!int x\n    steps:\n      - run: y\n").Errors);
        Assert.Equal("SLW5001", error.Code);
        Assert.Equal(".github/workflows/ci.yml: The value 'x' on line 4 and column 14 is invalid for the type 'tag:yaml.org,2002:int'", error.GitHubMessage);
        Assert.Equal((4, 14), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void GHA_WF_Diagnostics_CodesAreInTheGitHubRange()
    {
        var codes = typeof(GitHubWorkflowDiagnosticCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        Assert.All(codes, code => Assert.InRange(int.Parse(code[3..], System.Globalization.CultureInfo.InvariantCulture), 5000, 5999));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void GHA_WF_Diagnostics_MissingFileIsADiagnostic()
    {
        var result = WorkflowReader.Read(Path.Combine(Path.GetTempPath(), "no-such-dir-slipway", "ci.yml"), "ci.yml");
        Assert.Equal(Slipway.Core.Yaml.YamlDiagnosticCodes.FileNotFound, Assert.Single(result.Diagnostics).Code);
    }
}
