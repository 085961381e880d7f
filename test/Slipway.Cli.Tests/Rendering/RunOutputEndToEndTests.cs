using System.Text.Json.Nodes;
using Json.Schema;

namespace Slipway.Cli.Tests.Rendering;

/// <summary><c>slipway run</c> through the CLI with real processes: the plain log, the summary and the JSON report.</summary>
[Trait("Category", "EndToEnd")]
public class RunOutputEndToEndTests
{
    private const string Pipeline = """
        stages:
        - stage: Build
          jobs:
          - job: Linux
            steps:
            - checkout: none
            - bash: |
                echo "##[group]Restore"
                echo "token is $(mySecret)"
                echo "##[endgroup]"
                echo "##vso[task.logissue type=warning;sourcepath=src/Old.cs;linenumber=3;columnnumber=9;code=CS0618]obsolete API"
                echo "##vso[task.setvariable variable=version;isOutput=true]1.2.3"
                echo "##vso[task.setvariable variable=leak;isOutput=true]$(mySecret)"
              name: compile
              displayName: Compile
        - stage: Test
          jobs:
          - job: Unit
            steps:
            - checkout: none
            - bash: exit 3
              displayName: Run tests
        """;

    private const string Secret = "hunter2-s3cr3t";

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] extra)
    {
        var cli = new CliRun();
        cli.Write("azure-pipelines.yml", Pipeline);
        return await cli.RunAsync(["run", "--secret", "mySecret=" + Secret, .. extra]);
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

    [Fact]
    public async Task OutputJson_ARealRunsReport_ValidatesAgainstTheSchema_AndHasNoSecret()
    {
        var (code, stdout, stderr) = await RunAsync("--output", "json");

        Assert.Equal(1, code);
        var results = Schema().Evaluate(JsonNode.Parse(stdout), new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(results.IsValid, stdout);
        Assert.DoesNotContain(Secret, stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, stderr, StringComparison.Ordinal);
        var report = JsonNode.Parse(stdout)!;
        Assert.Equal("Failed", (string?)report["result"]);
        var linux = report["stages"]![0]!["jobs"]![0]!;
        Assert.Equal("1.2.3", (string?)linux["outputs"]!["compile.version"]);
        Assert.Equal("***", (string?)linux["outputs"]!["compile.leak"]);
        var unit = report["stages"]![1]!["jobs"]![0]!;
        Assert.Contains(unit["steps"]!.AsArray(), s => (string?)s!["result"] == "Failed" && (int?)s["exitCode"] == 3);
        Assert.Contains(report["issues"]!.AsArray(), i => (string?)i!["file"] == "src/Old.cs" && (int?)i["line"] == 3 && (string?)i["code"] == "CS0618");
    }

    [Fact]
    public async Task Plain_WhenNotATerminal_PrefixedLinesGroupsAndSummary()
    {
        var (code, stdout, _) = await RunAsync();
        var lines = stdout.Split('\n');

        Assert.Equal(1, code);
        Assert.Contains("[Build/Linux] ##[group]Restore", lines);
        Assert.Contains("[Build/Linux] token is ***", lines);
        Assert.Contains("[Build/Linux] ##[endgroup]", lines);
        Assert.Contains("[Build/Linux] ##[warning]obsolete API", lines);
        Assert.Contains(lines, l => l.StartsWith("[Test/Unit] Run tests: Failed in ", StringComparison.Ordinal) && l.Contains("exit code 3", StringComparison.Ordinal));
        Assert.Contains("  src/Old.cs(3,9): warning CS0618: obsolete API [Build.Linux.compile]", lines);
        Assert.Contains(lines, l => l.StartsWith("Run ", StringComparison.Ordinal) && l.Contains(" Failed in ", StringComparison.Ordinal) && l.Contains("Logs: slipway logs ", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportFile_InAFolderNotYetThere_IsWritten_WithTheHumanViewOnStdout()
    {
        var cli = new CliRun();
        cli.Write("azure-pipelines.yml", "steps:\n- checkout: none\n- bash: echo hi\n");

        var (code, stdout, _) = await cli.RunAsync("run", "--report", Path.Combine(cli.Dir, "out", "report.json"));

        Assert.Equal(0, code);
        Assert.Contains("[Job] hi", stdout.Split('\n'));
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(cli.Dir, "out", "report.json")))!;
        Assert.Equal("Succeeded", (string?)report["result"]);
        Assert.Equal(0, (int?)report["exitCode"]);
    }
}
