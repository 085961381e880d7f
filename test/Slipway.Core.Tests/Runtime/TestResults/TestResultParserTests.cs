using Slipway.Core.Runtime.TestResults;
using Slipway.Core.Tests.Runtime.Tasks;

namespace Slipway.Core.Tests.Runtime.TestResults;

/// <summary>PublishTestResults@2 formats read into one model (TASKREF publish-test-results-v2: JUnit, NUnit, xUnit, VSTest).</summary>
public sealed class TestResultParserTests
{
    [Theory]
    [InlineData("JUnit", ResultFiles.JUnit, 4, 1, 2, 1)]
    [InlineData("NUnit", ResultFiles.NUnit3, 4, 1, 1, 2)]
    [InlineData("NUnit", ResultFiles.NUnit2, 3, 1, 1, 1)]
    [InlineData("XUnit", ResultFiles.XUnit, 3, 1, 1, 1)]
    [InlineData("VSTest", ResultFiles.Trx, 3, 1, 1, 1)]
    public void TaskRef_PublishTestResults2_FormatCounts(string formatName, string xml, int total, int passed, int failed, int skipped)
    {
        var format = Enum.Parse<TestResultFormat>(formatName);
        using var temp = new TempFolder();
        var (cases, error) = TestResultParser.ParseFile(temp.Write("r.xml", xml), format);
        Assert.Null(error);
        var run = new TestRunResult("t", format.ToString(), cases);
        Assert.Equal((total, passed, failed, skipped), (run.Total, run.Passed, run.Failed, run.Skipped));
    }

    [Fact]
    public void TaskRef_PublishTestResults2_JUnitFailureMessageAndDuration()
    {
        using var temp = new TempFolder();
        var (cases, _) = TestResultParser.ParseFile(temp.Write("r.xml", ResultFiles.JUnit), TestResultFormat.JUnit);
        var failed = cases.Single(c => c.Name == "overflows");
        Assert.Equal("expected 2 got 3", failed.Message);
        Assert.Equal("calc.AddTests", failed.ClassName);
        Assert.Equal(TimeSpan.FromSeconds(0.25), failed.Duration);
    }

    [Fact]
    public void TaskRef_PublishTestResults2_TrxClassNamesAndErrorInfo()
    {
        using var temp = new TempFolder();
        var (cases, _) = TestResultParser.ParseFile(temp.Write("r.trx", ResultFiles.Trx), TestResultFormat.VSTest);
        var failed = cases.Single(c => c.Outcome == TestOutcome.Failed);
        Assert.Equal(("B", "Lib.T", "Assert failed"), (failed.Name, failed.ClassName, failed.Message));
        Assert.Equal(TimeSpan.FromSeconds(1.5), failed.Duration);
    }

    [Fact]
    public void TaskRef_PublishTestResults2_WrongFormatIsAnErrorValue()
    {
        using var temp = new TempFolder();
        var (cases, error) = TestResultParser.ParseFile(temp.Write("r.xml", ResultFiles.Trx), TestResultFormat.JUnit);
        Assert.Empty(cases);
        Assert.Contains("TestRun", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<testsuites><testcase")]
    [InlineData("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><testsuites>&e;</testsuites>")]
    [InlineData("\u0000\u0001binary")]
    public void TaskRef_PublishTestResults2_BadXmlIsAnErrorValueNeverAnException(string text)
    {
        using var temp = new TempFolder();
        var (cases, error) = TestResultParser.ParseFile(temp.Write("r.xml", text), TestResultFormat.JUnit);
        Assert.Empty(cases);
        Assert.NotNull(error);
    }

    [Fact]
    public void TaskRef_PublishCodeCoverageResults2_CoberturaMergesReportsPerFile()
    {
        using var temp = new TempFolder();
        var parser = new CoberturaParser();
        Assert.Null(parser.Add(temp.Write("a.xml", ResultFiles.CoberturaA)));
        Assert.Null(parser.Add(temp.Write("b.xml", ResultFiles.CoberturaB)));
        var report = parser.Summary();

        // a.cs: lines 1,2,3 all hit once merged (line 2 hit in report B); b.cs: line 10 not hit.
        Assert.Equal((3, 4), (report.LinesCovered, report.LinesValid));
        Assert.Equal((1, 2), (report.BranchesCovered, report.BranchesValid));
        Assert.Equal(["src/a.cs", "src/b.cs"], report.Files.Select(f => f.Path));
    }

    [Fact]
    public void TaskRef_PublishCodeCoverageResults2_NonCoberturaIsAnErrorValue()
    {
        using var temp = new TempFolder();
        Assert.NotNull(new CoberturaParser().Add(temp.Write("j.xml", ResultFiles.JUnit)));
    }
}
