namespace Slipway.Core.Runtime.NodeTasks;

/// <summary>One input of a task package's task.json (AZP-TASK-2).</summary>
internal sealed record TaskPackageInput(string Name, string Type, string? DefaultValue, bool Required, IReadOnlyList<string> Aliases)
{
    public bool Matches(string key) =>
        string.Equals(Name, key, StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(a => string.Equals(a, key, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One entry of <c>execution</c> / <c>postjobexecution</c>: the handler kind (<c>Node20_1</c>...) and its target file.</summary>
internal sealed record TaskHandlerEntry(string Kind, string Target);

/// <summary>A task package on disk: a folder with task.json (AZP-TASK-1) and the handler files.</summary>
internal sealed record TaskPackage
{
    public required string Directory { get; init; }

    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required Version Version { get; init; }

    public string? FriendlyName { get; init; }

    public string? InstanceNameFormat { get; init; }

    public IReadOnlyList<TaskPackageInput> Inputs { get; init; } = [];

    public IReadOnlyList<TaskHandlerEntry> Execution { get; init; } = [];

    public IReadOnlyList<TaskHandlerEntry> PreJobExecution { get; init; } = [];

    public IReadOnlyList<TaskHandlerEntry> PostJobExecution { get; init; } = [];

    public TaskPackageInput? FindInput(string key) => Inputs.FirstOrDefault(i => i.Matches(key));

    public override string ToString() => $"{Name}@{Version.Major} ({Version}, {Directory})";
}
