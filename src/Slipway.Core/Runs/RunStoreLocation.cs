using Slipway.Core.Pipelines.Azure;

namespace Slipway.Core.Runs;

/// <summary>Where a repository keeps its runs: <c>.slipway/</c> at the top of the git work tree (or the folder itself).</summary>
public static class RunStoreLocation
{
    public const string FolderName = ".slipway";

    public static string For(string workingDirectory) => Path.Combine(RepositoryRoot.FromDirectory(workingDirectory), FolderName);
}
