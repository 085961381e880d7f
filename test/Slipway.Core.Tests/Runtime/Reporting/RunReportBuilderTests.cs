using Slipway.Core.Runs;
using Slipway.Core.Runtime.Reporting;
using Slipway.Tests.Support;

namespace Slipway.Core.Tests.Runtime.Reporting;

public class RunReportBuilderTests
{
    private static RunReport Typical(Func<string, string>? mask = null)
    {
        var builder = new RunReportBuilder(mask);
        new EventScript(builder).PlayTypicalRun();
        return builder.Build();
    }

    [Fact]
    public void Report_NestsStagesJobsSteps_InPlanOrder_WithResultsAndDurations()
    {
        var report = Typical();

        Assert.Equal(["Build", "Test", "Deploy"], report.Stages.Select(s => s.Name));
        var linux = Assert.Single(report.Stages[0].Jobs);
        Assert.Equal("Build.Linux", linux.Identifier);
        Assert.Equal("Linux x64", linux.DisplayName);
        var compile = Assert.Single(linux.Steps);
        Assert.Equal("Build.Linux.compile", compile.Identifier);
        Assert.Equal(RunResult.SucceededWithIssues, compile.Result);
        Assert.Equal(2.5, compile.DurationSeconds);
        Assert.Equal(0, compile.ExitCode);
        Assert.Equal("logs/compile.log", compile.LogPath);
        var run = report.Stages[1].Jobs[0].Steps[0];
        Assert.Equal(RunResult.Failed, run.Result);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("Bash exited with code '1'.", run.Reason);
        Assert.NotNull(run.StartedAt);
        Assert.Equal(run.StartedAt!.Value.AddSeconds(1.5), run.FinishedAt);
    }

    [Fact]
    public void Report_RunLevelFacts_ResultExitCodeDurationPipeline()
    {
        var report = Typical();

        Assert.Equal(RunReport.CurrentSchemaVersion, report.SchemaVersion);
        Assert.Equal(7, report.RunId);
        Assert.Equal("azure-pipelines.yml", report.Pipeline);
        Assert.Equal("azure-pipelines", report.Syntax);
        Assert.Equal(RunResult.Failed, report.Result);
        Assert.Equal(1, report.ExitCode);
        Assert.Equal(4.2, report.DurationSeconds);
    }

    [Fact]
    public void Report_SkippedRecordsThatNeverStarted_HaveReasonAndNoStart()
    {
        var deploy = Typical().Stages[2];

        Assert.Equal(RunResult.Skipped, deploy.Result);
        Assert.Equal("dependency Test failed", deploy.Reason);
        Assert.Null(deploy.StartedAt);
        var prod = Assert.Single(deploy.Jobs);
        Assert.Equal(RunResult.Skipped, prod.Result);
        Assert.Empty(prod.Steps);
    }

    [Fact]
    public void AZP_VAR_60_Outputs_KeyedByStepDotName_SecretOutputIsMasked()
    {
        var outputs = Typical().Stages[0].Jobs[0].Outputs;

        Assert.Equal("1.2.3", outputs["compile.version"]);
        Assert.Equal("***", outputs["compile.token"]);
    }

    [Fact]
    public void Report_TextsAreMaskedAgain_WithSecretsKnownAtTheEnd()
    {
        var report = Typical(text => text.Replace("1.2.3", "***", StringComparison.Ordinal).Replace("Calc.Adds", "***", StringComparison.Ordinal));

        Assert.Equal("***", report.Stages[0].Jobs[0].Outputs["compile.version"]);
        Assert.Equal(["***", "Calc.Divides"], report.Tests[0].FailedTests);
    }

    [Fact]
    public void AZP_LOG_12_Issues_KeepTypeFileLineColumnCodeAndRecord()
    {
        var issues = Typical().Issues;

        Assert.Equal(2, issues.Count);
        var error = Assert.Single(issues, i => i.Type == IssueType.Error);
        Assert.Equal("; expected", error.Message);
        Assert.Equal("src/App.cs", error.File);
        Assert.Equal(12, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Equal("CS1002", error.Code);
        Assert.Equal("Test.Unit.run", error.Record);
    }

    [Fact]
    public void Report_TestsAndCoverage_WithRates()
    {
        var report = Typical();

        var tests = Assert.Single(report.Tests);
        Assert.Equal(("Unit tests", 125, 120, 2, 3), (tests.Title, tests.Total, tests.Passed, tests.Failed, tests.Skipped));
        Assert.Equal("Test.Unit.run", tests.Record);
        var coverage = Assert.Single(report.Coverage);
        Assert.Equal(0.842, coverage.LineRate);
        Assert.Equal(0.7, coverage.BranchRate);
    }

    [Fact]
    public void Report_CoverageWithoutBranches_HasNoBranchRate()
    {
        Assert.Null(new CoverageReport("c", 1, 2, null, null).BranchRate);
        Assert.Null(new CoverageReport("c", 0, 0, 0, 0).LineRate);
    }

    [Theory]
    [InlineData(RunResult.Succeeded, 0)]
    [InlineData(RunResult.SucceededWithIssues, 0)]
    [InlineData(RunResult.Failed, 1)]
    [InlineData(RunResult.Canceled, 1)]
    public void ExitCode_ZeroForSucceededWithOrWithoutIssues_OneForFailedOrCanceled(RunResult result, int exitCode) =>
        Assert.Equal(exitCode, RunReport.ExitCodeFor(result));

    [Fact]
    public void Report_BuildNumberAndTags_FollowRunInfoChanges()
    {
        var builder = new RunReportBuilder();
        var script = new EventScript(builder);
        script.RunStarted(EventScript.Plan(("__default", ["Job"])));
        script.Info(null, "buildnumber", "1.0.42");
        script.Info(null, "buildtag", "nightly");
        script.Info(null, "buildtag", "nightly");

        var report = builder.Build();

        Assert.Equal("1.0.42", report.BuildNumber);
        Assert.Equal(["nightly"], report.Tags);
        Assert.Null(report.Result);
        Assert.Null(report.ExitCode);
    }

    [Fact]
    public void Report_ConcurrentJobs_AllRecordsKept()
    {
        var builder = new RunReportBuilder();
        var script = new EventScript(builder);
        script.RunStarted(EventScript.Plan(("__default", [])));
        var stage = script.Start(RecordKind.Stage, "__default", null);
        var jobs = Enumerable.Range(0, 40).Select(i => script.Node(RecordKind.Job, $"J{i}", stage)).ToList();

        Parallel.ForEach(jobs, job =>
        {
            builder.OnEvent(new Slipway.Core.Runtime.Events.RecordStarted(script.Now, job));
            builder.OnEvent(new Slipway.Core.Runtime.Events.RecordCompleted(script.Now, job, RunResult.Succeeded, TimeSpan.FromSeconds(1)));
        });

        var reported = Assert.Single(builder.Build().Stages).Jobs;
        Assert.Equal(jobs.Select(j => j.Name), reported.Select(j => j.Name));
        Assert.All(reported, j => Assert.Equal(RunResult.Succeeded, j.Result));
    }
}
