using Slipway.Core.Planning;

namespace Slipway.Core.Runtime.NodeTasks;

/// <summary>
/// Finds task packages in the <c>--tasks-dir</c> folders and the repository's <c>.slipway/tasks/</c>: a
/// folder holding task.json, or such folders up to two levels below. A step's <c>Name@Major</c> (or
/// <c>GUID@Major</c>, or <c>publisher.extension.Name@Major</c>) selects the highest minor/patch of that
/// major (AZP-TASK-1). Folders are scanned once, on first use.
/// </summary>
internal sealed class TaskPackageLocator
{
    private readonly IReadOnlyList<string> _directories;
    private readonly Lazy<(IReadOnlyList<TaskPackage> Packages, IReadOnlyList<string> Problems)> _scan;

    public TaskPackageLocator(IEnumerable<string> directories)
    {
        _directories = [.. directories.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal)];
        _scan = new(Scan, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The <c>--tasks-dir</c> folders followed by <c>&lt;repo&gt;/.slipway/tasks</c>.</summary>
    public static TaskPackageLocator ForRun(RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new TaskPackageLocator([.. options.TaskDirectories, Path.Combine(options.RepositoryRoot, ".slipway", "tasks")]);
    }

    public IReadOnlyList<string> Directories => _directories;

    public IReadOnlyList<TaskPackage> Packages => _scan.Value.Packages;

    /// <summary>task.json files that could not be read (shown when a task is not found).</summary>
    public IReadOnlyList<string> Problems => _scan.Value.Problems;

    public TaskPackage? Find(TaskReference task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!Steps.StepHandlerRegistry.TryMajor(task.Version, out var major))
        {
            return null;
        }

        var name = task.Name.Trim();
        var shortName = name.Contains('.', StringComparison.Ordinal) && !Guid.TryParse(name, out _) ? name[(name.LastIndexOf('.') + 1)..] : name;
        return Packages
            .Where(p => p.Version.Major == major
                && (Guid.TryParse(name, out var id) ? p.Id == id : string.Equals(p.Name, shortName, StringComparison.OrdinalIgnoreCase)))
            .MaxBy(p => p.Version);
    }

    private (IReadOnlyList<TaskPackage>, IReadOnlyList<string>) Scan()
    {
        var packages = new List<TaskPackage>();
        var problems = new List<string>();
        foreach (var file in _directories.SelectMany(TaskJsonFiles).Distinct(StringComparer.Ordinal))
        {
            var (package, error) = TaskPackageReader.Read(file);
            if (package is not null)
            {
                packages.Add(package);
            }
            else
            {
                problems.Add(error!);
            }
        }

        return (packages, problems);
    }

    private static IEnumerable<string> TaskJsonFiles(string directory)
    {
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        var own = Path.Combine(directory, "task.json");
        if (File.Exists(own))
        {
            yield return own;
            yield break;
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 2, IgnoreInaccessible = true };
        foreach (var file in Directory.EnumerateFiles(directory, "task.json", options).Order(StringComparer.Ordinal))
        {
            if (!file.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                yield return file;
            }
        }
    }
}
