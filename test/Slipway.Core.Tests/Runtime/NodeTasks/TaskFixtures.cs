using Slipway.Core.Tests.Pipelines;
using Slipway.Core.Tests.Runtime.Tasks;

namespace Slipway.Core.Tests.Runtime.NodeTasks;

/// <summary>
/// A copy of test/fixtures/tasks in a temp folder with <c>node_modules</c> linked to the packages
/// installed in test/fixtures/node (the real azure-pipelines-task-lib), as a bundled task would have them.
/// </summary>
internal sealed class TaskFixtures : IDisposable
{
    private readonly TempFolder _temp = new();

    public TaskFixtures()
    {
        var source = Path.Combine(RepoPaths.Root, "test", "fixtures", "tasks");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var modules = Path.Combine(RepoPaths.Root, "test", "fixtures", "node", "node_modules");
        if (!Directory.Exists(Path.Combine(modules, "azure-pipelines-task-lib")))
        {
            throw new InvalidOperationException($"azure-pipelines-task-lib is not installed in {modules}: run 'npm ci' in test/fixtures/node (test.sh does).");
        }

        Directory.CreateSymbolicLink(Path.Combine(Root, "node_modules"), modules);
    }

    public string Root => _temp["tasks"];

    /// <summary>Adds a package folder with a task.json and a script.</summary>
    public string AddPackage(string folder, string taskJson, string fileName, string script)
    {
        var dir = Path.Combine(Root, folder);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "task.json"), taskJson);
        File.WriteAllText(Path.Combine(dir, fileName), script);
        return dir;
    }

    public void Dispose() => _temp.Dispose();
}
