using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Artifacts;
using Slipway.Core.Runtime.Services;
using Slipway.Core.Runtime.Tasks.Artifacts;
using Slipway.Core.Tests.Runtime.Tasks;

namespace Slipway.Core.Tests.Runtime.Artifacts;

/// <summary>Pipeline and build artifacts of one run (TASKREF publish-pipeline-artifact-v1, download-pipeline-artifact-v2;
/// SCHEMA steps-publish / steps-download; AZP-DEPL-3).</summary>
public sealed class ArtifactTaskTests
{
    [Fact]
    public async Task TaskRef_PublishPipelineArtifact1_StoredPerRunUnderArtifactsName()
    {
        using var h = new TaskHarness();
        h.Source("out/app.dll", "bits");
        var outcome = await h.RunAsync(new PublishPipelineArtifactHandler(), "PublishPipelineArtifact", 1, ("path", "out"), ("artifactName", "drop"));
        Assert.Equal(RunResult.Succeeded, outcome.Result);
        Assert.Equal("bits", File.ReadAllText(Path.Combine(h.RunDirectory, "artifacts", "drop", "app.dll")));
    }

    [Fact]
    public async Task TaskRef_PublishPipelineArtifact1_DuplicateNameInOneRunFails()
    {
        using var h = new TaskHarness();
        h.Source("out/a.txt");
        await h.RunAsync(new PublishPipelineArtifactHandler(), "PublishPipelineArtifact", 1, ("targetPath", "out"), ("artifact", "drop"));
        var second = await h.RunAsync(new PublishPipelineArtifactHandler(), "PublishPipelineArtifact", 1, ("targetPath", "out"), ("artifact", "drop"));
        Assert.Equal(RunResult.Failed, second.Result);
        Assert.Contains("already exists", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskRef_PublishPipelineArtifact1_SingleFile()
    {
        using var h = new TaskHarness();
        h.Source("report.html", "<html/>");
        await h.RunAsync(new PublishPipelineArtifactHandler(), "PublishPipelineArtifact", 1, ("targetPath", "report.html"), ("artifact", "report"));
        Assert.True(File.Exists(Path.Combine(h.RunDirectory, "artifacts", "report", "report.html")));
    }

    [Fact]
    public async Task SchemaStepsDownload_CurrentWithArtifactLandsInPipelineWorkspaceSlashArtifact()
    {
        using var h = new TaskHarness();
        h.Source("out/a/b.txt", "b");
        await h.RunAsync(new PublishPipelineArtifactHandler(), "PublishPipelineArtifact", 1, ("targetPath", "out"), ("artifact", "web"));

        // download: current + artifact: web → targetPath $(Pipeline.Workspace)/web (StepShorthands).
        var target = Path.Combine(h.Workspace.PipelineWorkspace, "web");
        var outcome = await h.RunAsync(
            new DownloadPipelineArtifactHandler(), "DownloadPipelineArtifact", 2, ("buildType", "current"), ("artifactName", "web"), ("targetPath", target));
        Assert.Equal(RunResult.Succeeded, outcome.Result);
        Assert.Equal("b", File.ReadAllText(Path.Combine(target, "a", "b.txt")));
    }

    [Fact]
    public async Task TaskRef_DownloadPipelineArtifact2_WithoutNameEachArtifactInItsOwnFolder_PatternsFilter()
    {
        using var h = new TaskHarness();
        h.Source("one/x.zip");
        h.Source("one/x.txt");
        h.Source("two/y.zip");
        await h.RunAsync(new PublishPipelineArtifactHandler(), "PublishPipelineArtifact", 1, ("targetPath", "one"), ("artifact", "one"));
        await h.RunAsync(new PublishPipelineArtifactHandler(), "PublishPipelineArtifact", 1, ("targetPath", "two"), ("artifact", "two"));
        var outcome = await h.RunAsync(new DownloadPipelineArtifactHandler(), "DownloadPipelineArtifact", 2, ("patterns", "**/*.zip"), ("path", "dl"));
        Assert.Equal(RunResult.Succeeded, outcome.Result);
        var files = Directory.GetFiles(Path.Combine(h.Sources, "dl"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(h.Sources, "dl"), f)).Order().ToList();
        Assert.Equal([Path.Combine("one", "x.zip"), Path.Combine("two", "y.zip")], files);
    }

    [Fact]
    public async Task TaskRef_DownloadPipelineArtifact2_UnknownArtifactNamesWhatExists()
    {
        using var h = new TaskHarness();
        h.Source("o/a");
        await h.RunAsync(new PublishPipelineArtifactHandler(), "PublishPipelineArtifact", 1, ("targetPath", "o"), ("artifact", "real"));
        var outcome = await h.RunAsync(new DownloadPipelineArtifactHandler(), "DownloadPipelineArtifact", 2, ("artifact", "missing"));
        Assert.Equal(RunResult.Failed, outcome.Result);
        Assert.Contains("real", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchemaStepsDownload_NoneDownloadsNothing()
    {
        using var h = new TaskHarness();
        var outcome = await h.RunAsync(new DownloadPipelineArtifactHandler(), "DownloadPipelineArtifact", 2, ("buildType", "none"));
        Assert.Equal(RunResult.Succeeded, outcome.Result);
    }

    [Fact]
    public async Task TaskRef_PublishBuildArtifacts1_DefaultsAndDownloadBuildArtifacts1IntoArtifactFolder()
    {
        using var h = new TaskHarness();
        File.WriteAllText(Path.Combine(h.Workspace.ArtifactStagingDirectory, "pkg.nupkg"), "nupkg");
        var published = await h.RunAsync(new PublishBuildArtifactsHandler(), "PublishBuildArtifacts", 1);
        Assert.Equal(RunResult.Succeeded, published.Result);
        var downloaded = await h.RunAsync(new DownloadBuildArtifactsHandler(), "DownloadBuildArtifacts", 1, ("artifactName", "drop"), ("downloadPath", "dl"));
        Assert.Equal(RunResult.Succeeded, downloaded.Result);

        // Default ArtifactName is drop; the staging folder is uploaded under its own name (a) inside it.
        Assert.Equal("nupkg", File.ReadAllText(Path.Combine(h.Sources, "dl", "drop", "a", "pkg.nupkg")));
    }

    [Fact]
    public async Task TaskRef_PublishBuildArtifacts1_SameNameTwiceAddsFiles()
    {
        using var h = new TaskHarness();
        h.Source("one.txt");
        h.Source("two.txt");
        Assert.Equal(RunResult.Succeeded, (await h.RunAsync(new PublishBuildArtifactsHandler(), "PublishBuildArtifacts", 1, ("PathtoPublish", "one.txt"))).Result);
        Assert.Equal(RunResult.Succeeded, (await h.RunAsync(new PublishBuildArtifactsHandler(), "PublishBuildArtifacts", 1, ("PathtoPublish", "two.txt"))).Result);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(h.RunDirectory, "artifacts", "drop")).Length);
    }

    [Fact]
    public void AZP_DEPL_3_AnyDownloadStepTurnsOffTheAutomaticDownload()
    {
        static StepPlan Step(string keyword) => new() { Name = keyword, Keyword = keyword, Task = new TaskReference("X", "1") };
        Assert.True(DeploymentArtifacts.NeedsAutomaticDownload([Step("script")]));
        Assert.False(DeploymentArtifacts.NeedsAutomaticDownload([Step("script"), Step("download")]));
    }

    [Fact]
    public async Task AZP_DEPL_3_DeployHookDownloadsEveryArtifactIntoPipelineWorkspace()
    {
        using var h = new TaskHarness();
        h.Source("web/index.html", "web");
        h.Source("db/schema.sql", "sql");
        await h.RunAsync(new PublishPipelineArtifactHandler(), "PublishPipelineArtifact", 1, ("targetPath", "web"), ("artifact", "web"));
        await h.RunAsync(new PublishPipelineArtifactHandler(), "PublishPipelineArtifact", 1, ("targetPath", "db"), ("artifact", "db"));
        // What the deploy hook asks the store for (JobRunner.Deployment): every artifact of the run.
        var result = await h.Services.Artifacts.DownloadAsync(new ArtifactDownloadRequest(null, h.Workspace.PipelineWorkspace), CancellationToken.None);
        Assert.Null(result.Error);
        Assert.Equal("web", File.ReadAllText(Path.Combine(h.Workspace.PipelineWorkspace, "web", "index.html")));
        Assert.Equal("sql", File.ReadAllText(Path.Combine(h.Workspace.PipelineWorkspace, "db", "schema.sql")));
    }

    [Fact]
    public async Task ArtifactStore_ConcurrentPublishersOfOneNameExactlyOneWins()
    {
        using var temp = new TempFolder();
        temp.Write("src/a.txt");
        var store = new RunArtifactStore(new ArtifactStore(temp["artifacts"]));
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            store.PublishAsync(new ArtifactPublishRequest("same", temp["src"], ArtifactKind.Pipeline, "job"), CancellationToken.None)));
        Assert.Equal(1, results.Count(r => r.Succeeded));
        Assert.Equal(["same"], Directory.GetDirectories(temp["artifacts"]).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData(".hidden")]
    public void ArtifactNames_InvalidNamesRefused(string name) => Assert.NotNull(ArtifactNames.Validate(name));
}
