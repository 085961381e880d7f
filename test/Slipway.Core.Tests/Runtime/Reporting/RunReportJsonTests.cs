using System.Text.Json.Nodes;
using Json.Schema;
using Slipway.Core.Runtime.Reporting;
using Slipway.Tests.Support;

namespace Slipway.Core.Tests.Runtime.Reporting;

public class RunReportJsonTests
{
    private static string TypicalJson()
    {
        var builder = new RunReportBuilder();
        new EventScript(builder).PlayTypicalRun();
        return RunReportJson.Serialize(builder.Build());
    }

    private static RunReport Typical()
    {
        var builder = new RunReportBuilder();
        new EventScript(builder).PlayTypicalRun();
        return builder.Build();
    }

    private static JsonSchema Schema()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "run-report.schema.json");
            if (File.Exists(candidate))
            {
                return JsonSchema.FromText(File.ReadAllText(candidate));
            }
        }

        throw new FileNotFoundException("docs/run-report.schema.json");
    }

    private static EvaluationResults Validate(string json) =>
        Schema().Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

    private static string Errors(EvaluationResults results) =>
        string.Join("\n", results.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));

    [Fact]
    public void ReportJson_OfARealRun_ValidatesAgainstTheSchema()
    {
        var results = Validate(TypicalJson());

        Assert.True(results.IsValid, Errors(results));
    }

    [Fact]
    public void ReportJson_OfAnUnfinishedRun_ValidatesAgainstTheSchema()
    {
        var builder = new RunReportBuilder();
        var script = new EventScript(builder);
        script.RunStarted(EventScript.Plan(("__default", ["Job"])));
        script.Start(Slipway.Core.Runs.RecordKind.Job, "Job", script.Start(Slipway.Core.Runs.RecordKind.Stage, "__default", null));

        var results = Validate(RunReportJson.Serialize(builder.Build()));

        Assert.True(results.IsValid, Errors(results));
    }

    [Fact]
    public void SeveralRuns_AreOneRunsDocument_ThatValidates_WorstResult_HighestExitCode()
    {
        var failed = Typical();
        var succeeded = failed with { Pipeline = ".github/workflows/lint.yml", Result = Slipway.Core.Runs.RunResult.Succeeded, ExitCode = 0 };

        var json = RunReportsJson.Serialize([new(succeeded, null), new(failed, s => s.Replace("secret-value", "***", StringComparison.Ordinal))]);

        var results = Validate(json);
        Assert.True(results.IsValid, Errors(results));
        var root = JsonNode.Parse(json)!.AsObject();
        Assert.Equal(("Failed", 1), ((string?)root["result"], (int?)root["exitCode"]));
        Assert.Equal([".github/workflows/lint.yml", failed.Pipeline], root["runs"]!.AsArray().Select(r => (string?)r!["pipeline"]));
        Assert.False(Validate(json.Replace("\"runs\"", "\"more\"", StringComparison.Ordinal)).IsValid);
    }

    [Fact]
    public void OneRun_IsItsOwnReport_Unchanged()
    {
        var report = Typical();

        Assert.Equal(RunReportJson.Serialize(report), RunReportsJson.Serialize([new(report, null)]));
    }

    [Theory]
    [InlineData("\"result\": \"Failed\"", "\"result\": \"Broken\"")]
    [InlineData("\"schemaVersion\": 1", "\"schemaVersion\": 2")]
    [InlineData("\"runId\": 7", "\"runId\": 7, \"surprise\": true")]
    [InlineData("\"exitCode\": 1", "\"exitCode\": \"1\"")]
    [InlineData("\"pipeline\": \"azure-pipelines.yml\",", "")]
    public void Schema_RejectsReportsThatBreakTheContract(string original, string broken)
    {
        var json = TypicalJson();
        Assert.Contains(original, json, StringComparison.Ordinal);

        Assert.False(Validate(json.Replace(original, broken, StringComparison.Ordinal)).IsValid);
    }

    [Fact]
    public void ReportJson_CamelCaseNames_ResultsAsAzureNamesThem_MissingValuesAreNull()
    {
        var root = JsonNode.Parse(TypicalJson())!.AsObject();

        Assert.Equal("Failed", (string?)root["result"]);
        Assert.Equal("SucceededWithIssues", (string?)root["stages"]![0]!["result"]);
        Assert.Equal("***", (string?)root["stages"]![0]!["jobs"]![0]!["outputs"]!["compile.token"]);
        Assert.Equal("Warning", (string?)root["issues"]![0]!["type"]);
        var deploy = root["stages"]![2]!.AsObject();
        Assert.True(deploy.ContainsKey("startedAt"));
        Assert.Null(deploy["startedAt"]);
    }

    [Fact]
    public void ReportFile_IsWritten_AndAnUnwritablePathIsADiagnostic()
    {
        var builder = new RunReportBuilder();
        new EventScript(builder).PlayTypicalRun();
        var report = builder.Build();
        var dir = Directory.CreateTempSubdirectory("slipway-report-").FullName;
        var path = Path.Combine(dir, "out", "report.json");

        Assert.Null(RunReportJson.TryWriteFile(report, path));
        Assert.True(Validate(File.ReadAllText(path)).IsValid);

        var blocked = Path.Combine(dir, "file");
        File.WriteAllText(blocked, "x");
        var problem = RunReportJson.TryWriteFile(report, Path.Combine(blocked, "report.json"));
        Assert.NotNull(problem);
        Assert.Equal(ReportingDiagnosticCodes.ReportWriteFailed, problem.Code);
        Assert.True(problem.IsError);
    }
}
