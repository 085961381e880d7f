using Slipway.Core.Pipelines.GitHub;

namespace Slipway.Core.Tests.Pipelines.GitHub;

/// <summary>Every workflow under examples/github reads without errors.</summary>
public sealed class GitHubExamplesTests
{
    public static TheoryData<string> Examples()
    {
        var directory = Path.Combine(RepositoryRoot(), "examples", "github", ".github", "workflows");
        return new TheoryData<string>(Directory.GetFiles(directory, "*.yml").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void GHA_WF_1_Examples_ReadWithoutErrors(string name)
    {
        var path = Path.Combine(RepositoryRoot(), "examples", "github", ".github", "workflows", name);
        var result = WorkflowReader.Read(path, ".github/workflows/" + name);
        Assert.Empty(result.Diagnostics);
        Assert.NotEmpty(result.Workflow!.Jobs);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Slipway.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (Slipway.slnx) was not found.");
    }
}
