using Slipway.Cli.Rendering;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Reporting;
using Slipway.Tests.Support;

namespace Slipway.Cli.Tests.Rendering;

public class RunSummaryWriterTests
{
    private static string[] Summary(Func<string, IReadOnlyList<string>>? tail = null)
    {
        var builder = new RunReportBuilder();
        new EventScript(builder).PlayTypicalRun();
        var report = builder.Build();
        using var writer = new StringWriter();
        new RunSummaryWriter(RunPresenter.CreateConsole(writer, terminal: false), glyphs: null, tail).Write(report);
        // A plain log writes the lines as text, without Spectre's rendering: the same text.
        using var plain = new StringWriter();
        new RunSummaryWriter(RunPresenter.CreateConsole(new StringWriter(), terminal: false), glyphs: null, tail, plain).Write(report);
        var lines = writer.ToString().Split('\n').Select(l => l.TrimEnd()).ToArray();
        Assert.Equal(lines, plain.ToString().Split('\n').Select(l => l.TrimEnd()));
        return lines;
    }

    private static string Line(string[] lines, string start) =>
        Assert.Single(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^ +" + System.Text.RegularExpressions.Regex.Escape(start) + " +(Succeeded|Failed|Skipped|Canceled)"));

    [Fact]
    public void Summary_ResultsPerStageAndJob_WithDurationsAndReasons()
    {
        var lines = Summary();

        Assert.Matches(@"^  Build +Succeeded with issues +2\.7s$", Line(lines, "Build"));
        Assert.Matches(@"^    Linux x64 +Succeeded with issues +2\.6s$", Line(lines, "Linux x64"));
        Assert.Matches(@"^    Unit +Failed +1\.6s$", Line(lines, "Unit"));
        Assert.Matches(@"^  Deploy +Skipped +dependency Test failed$", Line(lines, "Deploy"));
    }

    [Fact]
    public void Summary_StepsThatDidNotSucceed_AreListedUnderTheirJob()
    {
        var lines = Summary();

        Assert.Contains("      Run tests Failed, exit code 1: Bash exited with code '1'.", lines);
        Assert.Contains("      Compile Succeeded with issues", lines);
    }

    [Fact]
    public void Summary_ErrorsAndWarnings_WithFileLineColumnCodeAndRecord()
    {
        var lines = Summary();

        Assert.Contains("Errors and warnings (1 errors, 1 warnings)", lines);
        var error = Array.IndexOf(lines, "  src/App.cs(12,5): error CS1002: ; expected [Test.Unit.run]");
        var warning = Array.IndexOf(lines, "  src/Old.cs(3,9): warning CS0618: obsolete API [Build.Linux.compile]");
        Assert.True(error >= 0 && warning > error, string.Join("\n", lines));
    }

    [Fact]
    public void Summary_TestsAndCoverage()
    {
        var lines = Summary();

        Assert.Contains("  Unit tests: 120 passed, 2 failed, 3 skipped (125 total)", lines);
        Assert.Contains("    failed: Calc.Adds", lines);
        Assert.Contains("    failed: Calc.Divides", lines);
        Assert.Contains("  Cobertura: lines 84.2% (842/1000), branches 70.0% (70/100)", lines);
    }

    [Fact]
    public void Summary_EndsWithRunResultDurationAndTheLogsHint()
    {
        var lines = Summary().Where(l => l.Length > 0).ToArray();

        Assert.Equal("Run 7 Failed in 4.2s. Logs: slipway logs 7", lines[^1]);
    }

    [Fact]
    public void Summary_FailedJob_ShowsItsLastLines()
    {
        var lines = Summary(id => id == "Test.Unit" ? ["compiling", "boom: it broke"] : []);

        var step = Array.FindIndex(lines, l => l.Contains("Run tests Failed", StringComparison.Ordinal));
        Assert.Equal("        │ compiling", lines[step + 1]);
        Assert.Equal("        │ boom: it broke", lines[step + 2]);
    }

    [Fact]
    public void IssueText_TheSameIssueOfSeveralRecords_IsPrintedOnceNamingThem()
    {
        var issue = new IssueReport(IssueType.Error, "unknown task") { File = "a.yml", Line = 3 };

        Assert.Equal("a.yml(3): error: unknown task [S.A, S.B, S.C, +1 more]", RunSummaryWriter.IssueText(issue, ["S.A", "S.B", "S.A", "S.C", "S.D"]));
    }

    [Theory]
    [InlineData(null, null, null, "error: oops")]
    [InlineData("a.yml", null, null, "a.yml: error: oops")]
    [InlineData("a.yml", 4, null, "a.yml(4): error: oops")]
    [InlineData("a.yml", 4, 2, "a.yml(4,2): error: oops")]
    public void IssueText_PrintsWhatIsKnown(string? file, int? line, int? column, string expected) =>
        Assert.Equal(expected, RunSummaryWriter.IssueText(new IssueReport(IssueType.Error, "oops") { File = file, Line = line, Column = column }));
}
