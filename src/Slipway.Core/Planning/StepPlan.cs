using Slipway.Core.Diagnostics;

namespace Slipway.Core.Planning;

/// <summary>What a step runs: a task (Azure <c>Name@Major</c>) or an action (GitHub <c>owner/repo@ref</c>).</summary>
public sealed record TaskReference(string Name, string Version)
{
    public override string ToString() => $"{Name}@{Version}";
}

/// <summary>
/// One step, normalised to a task reference with inputs, whatever shorthand the YAML used.
/// <see cref="Keyword"/> keeps the original shorthand (<c>script</c>, <c>bash</c>, <c>checkout</c>, ...)
/// so a printer can show it and a runner can pick a built-in handler.
/// </summary>
public sealed record StepPlan
{
    /// <summary>The step id: from <c>name:</c>, or generated (unique in the job).</summary>
    public required string Name { get; init; }

    public bool IsNameGenerated { get; init; }

    public required TaskReference Task { get; init; }

    /// <summary>The YAML keyword the step was written with, e.g. <c>script</c> or <c>task</c>.</summary>
    public required string Keyword { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>True when the YAML gave no <c>displayName</c> and the compiler filled in the task name
    /// (the runtime may then use a handler's own default, like the checkout's <c>Checkout repo@main to s</c>).</summary>
    public bool IsDisplayNameGenerated { get; init; }

    /// <summary>Inputs in YAML order; for shorthand steps these are the equivalent task inputs.</summary>
    public IReadOnlyList<NamedValue> Inputs { get; init; } = [];

    public IReadOnlyList<NamedValue> Env { get; init; } = [];

    public ExpressionText? Condition { get; init; }

    public bool ContinueOnError { get; init; }

    public bool Enabled { get; init; } = true;

    public int? TimeoutInMinutes { get; init; }

    public int? RetryCountOnTaskFailure { get; init; }

    public StepTarget? Target { get; init; }

    /// <summary>True for the <c>checkout: self</c> a regular job gets when it has no checkout (AZP-STEP-11).</summary>
    public bool IsImplicit { get; init; }

    public SourceLocation Location { get; init; }

    public string? Input(string name) =>
        Inputs.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;
}

/// <summary>Where a step runs (<c>host</c> or a container alias) and which logging commands it may use (AZP-STEP-13).</summary>
public sealed record StepTarget(
    string? Container,
    string? Commands,
    IReadOnlyList<string>? SettableVariables,
    SourceLocation Location)
{
    /// <summary>True when <c>settableVariables: none</c>.</summary>
    public bool NoSettableVariables => SettableVariables is { Count: 0 };
}
