namespace Slipway.Core.Runs;

/// <summary>Where a repository keeps its runs: <c>.slipway/</c> at the top of the git work tree (or the folder itself).</summary>
public static class RunStoreLocation
{
    public const string FolderName = ".slipway";

    public static string For(string workingDirectory)
    {
        for (var dir = new DirectoryInfo(workingDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return Path.Combine(dir.FullName, FolderName);
            }
        }

        return Path.Combine(Path.GetFullPath(workingDirectory), FolderName);
    }
}
