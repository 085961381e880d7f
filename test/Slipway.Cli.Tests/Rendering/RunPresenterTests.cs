using System.Text.Json.Nodes;
using Slipway.Cli.Rendering;
using Slipway.Tests.Support;

namespace Slipway.Cli.Tests.Rendering;

public class RunPresenterTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Theory]
    [InlineData(true, false, null, true)]
    [InlineData(false, false, null, false)]
    [InlineData(true, true, null, false)]
    [InlineData(true, false, "true", false)]
    [InlineData(true, false, "TRUE", false)]
    [InlineData(true, false, "false", true)]
    public void View_IsLiveOnlyOnATerminal_OutsideCI_WithoutPlain(bool terminal, bool plain, string? ci, bool live)
    {
        var options = new RunDisplayOptions { IsTerminal = terminal, Plain = plain, Environment = Env(("CI", ci ?? string.Empty)) };

        Assert.Equal(live ? RunViewKind.Live : RunViewKind.Plain, options.Choose(TextWriter.Null));
    }

    [Fact]
    public void View_AzurePipelinesAgentAndDumbTerminals_GetThePlainLog()
    {
        Assert.Equal(RunViewKind.Plain, new RunDisplayOptions { IsTerminal = true, Environment = Env(("TF_BUILD", "True")) }.Choose(TextWriter.Null));
        Assert.Equal(RunViewKind.Plain, new RunDisplayOptions { IsTerminal = true, Environment = Env(("TERM", "dumb")) }.Choose(TextWriter.Null));
    }

    [Fact]
    public void OutputJson_PutsTheReportOnStdout_AndTheHumanViewOnStderr()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var options = new RunDisplayOptions { Output = RunOutputFormat.Json, Environment = Env() };
        var presenter = RunPresenter.Create(new CliConsole(stdout, stderr), options, TimeProvider.System);

        new EventScript(presenter).PlayTypicalRun();
        var problems = presenter.Finish();

        Assert.Empty(problems);
        var report = JsonNode.Parse(stdout.ToString())!;
        Assert.Equal("Failed", (string?)report["result"]);
        Assert.Equal(1, (int?)report["exitCode"]);
        Assert.Contains("[Test/Unit] Failed Calc.Adds", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("Logs: slipway logs 7", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void HumanOutput_WithReportFile_WritesTheLogAndSummaryToStdout_AndTheReportToTheFile()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var file = Path.Combine(Directory.CreateTempSubdirectory("slipway-presenter-").FullName, "report.json");
        var options = new RunDisplayOptions { ReportFile = file, Environment = Env() };
        using var presenter = RunPresenter.Create(new CliConsole(stdout, stderr), options, TimeProvider.System);

        new EventScript(presenter).PlayTypicalRun();
        presenter.Finish();

        Assert.Equal(RunViewKind.Plain, presenter.Kind);
        Assert.Contains("[Build/Linux x64] Build succeeded.", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("Run 7 Failed in 4.2s.", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr.ToString());
        Assert.Equal(7, (long?)JsonNode.Parse(File.ReadAllText(file))!["runId"]);
    }

    [Fact]
    public void Masking_SecretsInTheReport_AreMaskedWithTheRunsMasker()
    {
        using var stdout = new StringWriter();
        var options = new RunDisplayOptions { Output = RunOutputFormat.Json, Environment = Env() };
        var presenter = RunPresenter.Create(new CliConsole(stdout, TextWriter.Null), options, TimeProvider.System, text => text.Replace("1.2.3", "***", StringComparison.Ordinal));

        new EventScript(presenter).PlayTypicalRun();
        presenter.Finish();

        Assert.DoesNotContain("1.2.3", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal("***", (string?)JsonNode.Parse(stdout.ToString())!["stages"]![0]!["jobs"]![0]!["outputs"]!["compile.version"]);
    }
}
