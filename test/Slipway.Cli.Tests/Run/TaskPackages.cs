namespace Slipway.Cli.Tests.Run;

/// <summary>Copies test/fixtures/tasks into a run folder with node_modules linked to test/fixtures/node's (the real azure-pipelines-task-lib).</summary>
internal static class TaskPackages
{
    public static string CopyTo(string dir)
    {
        var root = RepoRoot();
        var source = Path.Combine(root, "test", "fixtures", "tasks");
        var target = Path.Combine(dir, "tasks");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        Directory.CreateSymbolicLink(Path.Combine(target, "node_modules"), Path.Combine(root, "test", "fixtures", "node", "node_modules"));
        return target;
    }

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Slipway.slnx")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("Slipway.slnx not found above the test binaries.");
    }
}
