using Slipway.Core.Runtime.Workspace;

namespace Slipway.Core.Tests.Runtime.Workspace;

public sealed class WorkFolderTests
{
    [Fact]
    public void AZP_JOB_7_Workspaces_AreOutsideTheRepository()
    {
        var repo = Directory.CreateTempSubdirectory("slipway-repo-").FullName;
        var work = WorkFolder.ForRun(repo, 7, _ => null);
        Assert.False(work.StartsWith(repo, StringComparison.Ordinal), work);
        Assert.EndsWith(Path.Combine("7"), work, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(".cache", "slipway", "work"), work, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoRepositoriesWithTheSameName_GetDifferentFolders_UnderTheConfiguredRoot()
    {
        string? Env(string name) => name == "SLIPWAY_WORK_DIR" ? "/tmp/w" : null;
        var a = WorkFolder.ForRun("/src/a/app", 1, Env);
        var b = WorkFolder.ForRun("/src/b/app", 1, Env);
        Assert.NotEqual(a, b);
        Assert.StartsWith("/tmp/w/app-", a, StringComparison.Ordinal);
        Assert.Equal(a, WorkFolder.ForRun("/src/a/app/", 1, Env));
    }
}
