using Slipway.Core.Pipelines.GitHub;

namespace Slipway.Core.Tests.Pipelines.GitHub;

/// <summary>Format detection: a file under .github/workflows/ or with top-level on: and jobs: is a workflow.</summary>
public sealed class GitHubWorkflowFilesTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("slipway-detect-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_directory.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void GHA_WF_1_FileUnderGithubWorkflowsIsAWorkflow() =>
        Assert.True(GitHubWorkflowFiles.IsWorkflow(Write(".github/workflows/anything.yml", "not: a workflow\n")));

    [Fact]
    public void GHA_WF_1_OnAndJobsAtTopLevelIsAWorkflow() =>
        Assert.True(GitHubWorkflowFiles.IsWorkflow(Write("ci.yaml", "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: y\n")));

    [Theory]
    [InlineData("azure-pipelines.yml", "trigger: [main]\njobs:\n- job: a\n  steps:\n  - script: echo\n")]
    [InlineData("azure-pipelines.yml", "steps:\n- script: echo\n")]
    [InlineData("README.md", "on: push\njobs: {}\n")]
    public void GHA_WF_1_OtherFilesAreNotWorkflows(string name, string text) =>
        Assert.False(GitHubWorkflowFiles.IsWorkflow(Write(name, text)));
}
