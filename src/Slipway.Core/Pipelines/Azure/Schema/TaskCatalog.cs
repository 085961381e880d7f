using System.Reflection;

namespace Slipway.Core.Pipelines.Azure.Schema;

/// <summary>One input of a built-in task: its name, the aliases YAML may use instead, and whether it is required.</summary>
internal sealed record TaskInputDefinition(string Name, IReadOnlyList<string> Aliases, bool Required)
{
    public bool Matches(string key) =>
        string.Equals(Name, key, StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(a => string.Equals(a, key, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A built-in task at one major version, as service-schema.json describes it.</summary>
internal sealed record TaskDefinition(string Name, int Major, bool Deprecated, IReadOnlyList<TaskInputDefinition> Inputs)
{
    public TaskInputDefinition? FindInput(string key) => Inputs.FirstOrDefault(i => i.Matches(key));
}

/// <summary>
/// The built-in tasks and their inputs. Read once, lazily, from a compact catalog embedded in the
/// assembly (generated from service-schema.json by <see cref="TaskCatalogBuilder"/>), so that
/// validating a small pipeline never parses the 1.6 MB schema.
/// </summary>
internal sealed class TaskCatalog
{
    public const string ResourceName = "Slipway.Core.Pipelines.Azure.Schema.tasks.catalog";

    private static readonly Lazy<TaskCatalog> Embedded = new(LoadEmbedded);

    private readonly Dictionary<string, SortedDictionary<int, TaskDefinition>> _byName;

    private readonly Func<string, int, bool>? _isLocal;

    private TaskCatalog(Dictionary<string, SortedDictionary<int, TaskDefinition>> byName, Func<string, int, bool>? isLocal = null)
    {
        _byName = byName;
        _isLocal = isLocal;
    }

    public static TaskCatalog BuiltIn => Embedded.Value;

    public int Count => _byName.Values.Sum(v => v.Count);

    public IEnumerable<string> Names => _byName.Values.Select(v => v.Values.First().Name);

    /// <summary>This catalog plus task packages installed locally (<c>--tasks-dir</c>, <c>.slipway/tasks/</c>):
    /// <paramref name="isLocal"/> says whether <c>Name@Major</c> is one of them.</summary>
    public TaskCatalog WithLocalTasks(Func<string, int, bool>? isLocal) => isLocal is null ? this : new(_byName, isLocal);

    /// <summary>True when a locally installed task package provides <c>Name@Major</c>.</summary>
    public bool IsLocal(string name, int major) => _isLocal?.Invoke(name, major) ?? false;

    /// <summary>The task at that major version, or null; <paramref name="majors"/> lists the majors the name has (empty when unknown).</summary>
    public TaskDefinition? Find(string name, int major, out IReadOnlyList<int> majors)
    {
        if (!_byName.TryGetValue(name, out var versions))
        {
            majors = [];
            return null;
        }

        majors = [.. versions.Keys];
        return versions.GetValueOrDefault(major);
    }

    public static TaskCatalog Parse(string text)
    {
        var byName = new Dictionary<string, SortedDictionary<int, TaskDefinition>>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var task = ParseLine(line);
            if (!byName.TryGetValue(task.Name, out var versions))
            {
                byName[task.Name] = versions = [];
            }

            versions[task.Major] = task;
        }

        return new TaskCatalog(byName);
    }

    // Line format: Name <TAB> Major <TAB> flags <TAB> input[|alias...][!] ; ... ('!' marks a required input, flag 'd' a deprecated task).
    private static TaskDefinition ParseLine(string line)
    {
        var parts = line.Split('\t');
        var inputs = new List<TaskInputDefinition>();
        if (parts.Length > 3 && parts[3].Length > 0)
        {
            foreach (var spec in parts[3].Split(';'))
            {
                var required = spec.EndsWith('!');
                var names = (required ? spec[..^1] : spec).Split('|');
                inputs.Add(new TaskInputDefinition(names[0], names[1..], required));
            }
        }

        var major = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return new TaskDefinition(parts[0], major, parts[2].Contains('d', StringComparison.Ordinal), inputs);
    }

    private static TaskCatalog LoadEmbedded()
    {
        using var stream = typeof(TaskCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
