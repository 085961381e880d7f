using System.Diagnostics;

namespace Slipway.Cli.Tests.Run;

/// <summary>
/// What the end summary and the JSON report carry: failed tests with message and stack (PublishTestResults@2),
/// a last masking pass over the whole report (AZP-VAR-41), and the user cache's size limit (Cache@2).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ReportRunTests
{
    [Fact]
    public async Task TaskRef_PublishTestResults2_FailedTestMessageAndStackInSummaryAndReport()
    {
        var h = new RunHarness();
        h.Write("TEST-calc.xml", """
            <testsuite name="calc">
              <testcase classname="Calc.Tests" name="Adds"/>
              <testcase classname="Calc.Tests" name="Divides"><failure message="Expected 2 but was 3">   at Calc.Tests.Divides() in CalcTests.cs:line 12
               at Xunit.Sdk.Run()</failure></testcase>
            </testsuite>
            """);
        var run = await h.RunAsync("""
            steps:
            - task: PublishTestResults@2
              inputs:
                testResultsFiles: '**/TEST-*.xml'
            """);

        Assert.Equal(0, run.Code);
        var failure = Assert.Single(Assert.Single(run.Json.GetProperty("tests").EnumerateArray()).GetProperty("failures").EnumerateArray());
        Assert.Equal("Calc.Tests.Divides", failure.GetProperty("name").GetString());
        Assert.Equal("Expected 2 but was 3", failure.GetProperty("message").GetString());
        Assert.Equal("at Calc.Tests.Divides() in CalcTests.cs:line 12", failure.GetProperty("stackTrace").GetString());
        Assert.Contains("Failed: Calc.Tests.Divides: Expected 2 but was 3 (at Calc.Tests.Divides() in CalcTests.cs:line 12)", run.Lines("Job"));
        var summary = run.Out[run.Out.LastIndexOf("failed: Calc.Tests.Divides", StringComparison.Ordinal)..];
        Assert.Contains("Expected 2 but was 3", summary, StringComparison.Ordinal);
        Assert.Contains("at Calc.Tests.Divides() in CalcTests.cs:line 12", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZP_VAR_41_ReportLastMaskingPass_SecretAsStepNameAndOutputVariable()
    {
        const string secret = "Zq8sEcretTok3n";
        var run = await new RunHarness().RunAsync($$"""
            steps:
            - checkout: none
            - bash: |
                echo "##vso[task.setvariable variable={{secret}};isOutput=true]plain"
                echo "##vso[task.setvariable variable=copy;isOutput=true]$(tok)"
              name: {{secret}}
            """, "--secret", "tok=" + secret);

        Assert.Equal(0, run.Code);
        var report = run.Json.GetRawText();
        Assert.DoesNotContain(secret, report, StringComparison.Ordinal);
        Assert.Contains("***.copy", report, StringComparison.Ordinal);
        Assert.Contains("__default.Job.***", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskRef_Cache2_SizeLimit_EvictsLeastRecentlyUsedKeyAfterSave()
    {
        var cache = Directory.CreateTempSubdirectory("slipway-cache-limit-").FullName;
        var h = new RunHarness();
        const string yaml = """
            steps:
            - checkout: none
            - task: Cache@2
              inputs:
                key: 'limit | KEY'
                path: $(Pipeline.Workspace)/data
            - bash: mkdir -p "$(Pipeline.Workspace)/data" && [ -f "$(Pipeline.Workspace)/data/blob" ] || head -c 40000 /dev/urandom > "$(Pipeline.Workspace)/data/blob"
            """;
        h.Write("azure-pipelines.yml", yaml);
        foreach (var key in new[] { "a", "b", "a", "c" })
        {
            var (code, output) = await RunCliAsync(h, yaml.Replace("KEY", key, StringComparison.Ordinal), cache, "100K");
            Assert.True(code == 0, output);
            if (key == "c")
            {
                Assert.Contains("evicted 1 least recently used key(s): limit|b", output, StringComparison.Ordinal);
            }
        }

        var blobs = Directory.EnumerateFiles(Path.Combine(cache, "blobs")).Sum(f => new FileInfo(f).Length);
        Assert.InRange(blobs, 1, 100 * 1024);
        Assert.Equal(2, Directory.EnumerateFiles(Path.Combine(cache, "keys")).Count());
    }

    /// <summary>The CLI as its own process, so the cache variables reach it without touching this process's environment.</summary>
    private static async Task<(int Code, string Output)> RunCliAsync(RunHarness h, string yaml, string cacheDir, string maxSize)
    {
        h.Write("azure-pipelines.yml", yaml);
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = h.Dir };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "slipway.dll"), "run", "--plain", "-C", h.Dir })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["SLIPWAY_CACHE_DIR"] = cacheDir;
        psi.Environment["SLIPWAY_CACHE_MAX_SIZE"] = maxSize;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
