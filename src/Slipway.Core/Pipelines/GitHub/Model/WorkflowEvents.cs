namespace Slipway.Core.Pipelines.GitHub.Model;

/// <summary>The events that trigger a workflow, with their filters.</summary>
internal sealed record WorkflowEvents(IReadOnlyList<WorkflowEvent> Items)
{
    public static WorkflowEvents Empty { get; } = new([]);

    public WorkflowEvent? this[string name] => Items.FirstOrDefault(e => e.Name == name);
}

/// <summary>One event: filters (<c>branches</c>, <c>paths-ignore</c>, <c>types</c>...), schedules, or dispatch/call inputs.</summary>
internal sealed record WorkflowEvent(string Name)
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyList<string> Crons { get; init; } = [];

    public IReadOnlyList<WorkflowInput> Inputs { get; init; } = [];

    public IReadOnlyList<WorkflowSecret> Secrets { get; init; } = [];
}

internal sealed record WorkflowInput(string Name, string Type)
{
    public string? Description { get; init; }

    public bool? Required { get; init; }

    /// <summary>The default: a string, a bool, a double, or null.</summary>
    public object? Default { get; init; }

    public IReadOnlyList<string>? Options { get; init; }
}

internal sealed record WorkflowSecret(string Name)
{
    public string? Description { get; init; }

    public bool? Required { get; init; }
}
