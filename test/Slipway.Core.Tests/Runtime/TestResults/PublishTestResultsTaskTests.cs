using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Tasks.Testing;
using Slipway.Core.Tests.Runtime.Tasks;

namespace Slipway.Core.Tests.Runtime.TestResults;

/// <summary>PublishTestResults@2 and PublishCodeCoverageResults@2 as steps: the collector and the events feed the run summary.</summary>
public sealed class PublishTestResultsTaskTests
{
    [Fact]
    public async Task TaskRef_PublishTestResults2_DefaultPatternFindsJUnitFilesAndPublishesSummary()
    {
        using var h = new TaskHarness();
        h.Source("reports/TEST-calc.xml", ResultFiles.JUnit);
        var outcome = await h.RunAsync(new PublishTestResultsHandler(), "PublishTestResults", 2);
        Assert.Equal(RunResult.Succeeded, outcome.Result);
        var summary = Assert.Single(h.Services.TestResults.TestRuns);
        Assert.Equal((4, 1, 2, 1), (summary.Total, summary.Passed, summary.Failed, summary.Skipped));
        Assert.Contains("calc.AddTests.overflows", summary.FailedTests);
        Assert.Single(h.Events.Events.OfType<TestResultsPublished>());
    }

    [Fact]
    public async Task TaskRef_PublishTestResults2_FailTaskOnFailedTests()
    {
        using var h = new TaskHarness();
        h.Source("TEST-a.xml", ResultFiles.JUnit);
        var outcome = await h.RunAsync(new PublishTestResultsHandler(), "PublishTestResults", 2, ("failTaskOnFailedTests", "true"));
        Assert.Equal(RunResult.Failed, outcome.Result);
    }

    [Fact]
    public async Task TaskRef_PublishTestResults2_NoFilesIsAWarningUnlessFailTaskOnMissingResultsFile()
    {
        using var h = new TaskHarness();
        var outcome = await h.RunAsync(new PublishTestResultsHandler(), "PublishTestResults", 2);
        Assert.Equal(RunResult.Succeeded, outcome.Result);
        Assert.Single(h.Log.Warnings);
        var strict = await h.RunAsync(new PublishTestResultsHandler(), "PublishTestResults", 2, ("failTaskOnMissingResultsFile", "true"));
        Assert.Equal(RunResult.Failed, strict.Result);
    }

    [Fact]
    public async Task TaskRef_PublishTestResults2_AliasTestRunnerAndMergeIntoOneRun()
    {
        using var h = new TaskHarness();
        h.Source("r/one.xml", ResultFiles.XUnit);
        h.Source("r/two.xml", ResultFiles.XUnit);
        await h.RunAsync(
            new PublishTestResultsHandler(), "PublishTestResults", 2,
            ("testRunner", "XUnit"), ("testResultsFiles", "r/*.xml"), ("mergeTestResults", "true"), ("testRunTitle", "unit"));
        var summary = Assert.Single(h.Services.TestResults.TestRuns);
        Assert.Equal(("unit", 6), (summary.Title, summary.Total));
    }

    [Fact]
    public async Task TaskRef_PublishTestResults2_WithoutMergeOneRunPerFile()
    {
        using var h = new TaskHarness();
        h.Source("r/one.trx", ResultFiles.Trx);
        h.Source("r/two.trx", ResultFiles.Trx);
        await h.RunAsync(new PublishTestResultsHandler(), "PublishTestResults", 2, ("testResultsFormat", "VSTest"), ("testResultsFiles", "**/*.trx"));
        Assert.Equal(2, h.Services.TestResults.TestRuns.Count);
    }

    [Fact]
    public async Task TaskRef_PublishCodeCoverageResults2_CoberturaSummaryEvent()
    {
        using var h = new TaskHarness();
        h.Source("cov/a/coverage.cobertura.xml", ResultFiles.CoberturaA);
        h.Source("cov/b/coverage.cobertura.xml", ResultFiles.CoberturaB);
        var outcome = await h.RunAsync(new PublishCodeCoverageHandler(), "PublishCodeCoverageResults", 2, ("summaryFileLocation", "cov/**/coverage.cobertura.xml"));
        Assert.Equal(RunResult.Succeeded, outcome.Result);
        var published = Assert.Single(h.Events.Events.OfType<CoveragePublished>());
        Assert.Equal((3, 4, 1, 2), (published.Summary.LinesCovered, published.Summary.LinesValid, published.Summary.BranchesCovered, published.Summary.BranchesValid));
        Assert.Single(h.Services.TestResults.Coverage);
    }

    [Fact]
    public async Task TaskRef_PublishCodeCoverageResults2_FailIfCoverageEmpty()
    {
        using var h = new TaskHarness();
        var lenient = await h.RunAsync(new PublishCodeCoverageHandler(), "PublishCodeCoverageResults", 2, ("summaryFileLocation", "none/*.xml"));
        Assert.Equal(RunResult.Succeeded, lenient.Result);
        var strict = await h.RunAsync(
            new PublishCodeCoverageHandler(), "PublishCodeCoverageResults", 2, ("summaryFileLocation", "none/*.xml"), ("failIfCoverageEmpty", "true"));
        Assert.Equal(RunResult.Failed, strict.Result);
    }
}
