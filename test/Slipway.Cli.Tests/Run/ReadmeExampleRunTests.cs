namespace Slipway.Cli.Tests.Run;

/// <summary>The README's first command runs this example: it must keep working, templates and all.</summary>
[Trait("Category", "EndToEnd")]
public sealed class ReadmeExampleRunTests
{
    [Fact]
    public async Task TemplatesDemo_RunsEveryStage_AndCarriesTheOutputVariableAcrossStages()
    {
        var source = Path.GetDirectoryName(CliRun.Example("templates-demo"))!;
        var harness = new RunHarness();
        foreach (var file in Directory.GetFiles(source, "*.yml", SearchOption.AllDirectories))
        {
            harness.Write(Path.GetRelativePath(source, file), File.ReadAllText(file));
        }

        var run = await harness.RunAsync(File.ReadAllText(Path.Combine(source, "azure-pipelines.yml")), "--plain");
        Assert.True(run.Code == 0, run.Err + run.Out);
        Assert.Equal("Succeeded", run.Result);
        // AZP-TPL-22 (each over a parameter) made two build jobs; AZP-VAR-62 carried the stamp into Test.
        Assert.Equal("Succeeded", run.RecordResult("Build.Build_linux"));
        Assert.Equal("Succeeded", run.RecordResult("Build.Build_musl"));
        Assert.Matches(@"Testing slipway-demo version 1\.0\.\d+-linux \(Release\)", run.Out + run.Err);
        Assert.Contains("Deploying slipway-demo to staging with strategy runOnce", run.Out + run.Err, StringComparison.Ordinal);
    }
}
