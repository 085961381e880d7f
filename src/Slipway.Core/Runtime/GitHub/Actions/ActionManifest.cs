using Slipway.Core.Diagnostics;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Tokens;

namespace Slipway.Core.Runtime.GitHub.Actions;

/// <summary>An <c>action.yml</c> after reading (GHA-ACT-1..4); values that may hold expressions stay tokens.</summary>
internal sealed record ActionManifest
{
    /// <summary>The manifest file (as shown in messages).</summary>
    public required string File { get; init; }

    /// <summary>The folder that holds the manifest (<c>GITHUB_ACTION_PATH</c>).</summary>
    public required string Directory { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The declared inputs, in file order.</summary>
    public IReadOnlyList<ActionInput> Inputs { get; init; } = [];

    /// <summary>The declared outputs, in file order.</summary>
    public IReadOnlyList<ActionOutput> Outputs { get; init; } = [];

    public required ActionRuns Runs { get; init; }
}

/// <param name="Default">The <c>default</c> (a string or an expression), or null when none is given (the input then defaults to '').</param>
internal sealed record ActionInput(string Id, TemplateToken? Default, bool Required, string? DeprecationMessage, SourceLocation Location);

/// <param name="Value">The <c>value</c> of a composite action's output (an expression over its steps), or null.</param>
internal sealed record ActionOutput(string Id, TemplateToken? Value, SourceLocation Location);

/// <summary>The <c>runs:</c> section.</summary>
internal abstract record ActionRuns(string Using, SourceLocation Location);

/// <summary><c>using: node12|node16|node20|node24</c>; <c>pre-if</c>/<c>post-if</c> default to <c>always()</c> (GHA-ACT-2).</summary>
internal sealed record NodeActionRuns(string Using, SourceLocation Location, string Main) : ActionRuns(Using, Location)
{
    public string? Pre { get; init; }

    public string PreIf { get; init; } = "always()";

    public string? Post { get; init; }

    public string PostIf { get; init; } = "always()";

    /// <summary>True for node12/node16, which GitHub has retired (they run with the node on PATH, with a warning).</summary>
    public bool IsRetired => Using is "node12" or "node16";
}

/// <summary><c>using: composite</c>: steps read as workflow steps (ids generated, <c>if</c> wrapped).</summary>
internal sealed record CompositeActionRuns(string Using, SourceLocation Location, IReadOnlyList<WorkflowStep> Steps) : ActionRuns(Using, Location);

/// <summary><c>using: docker</c>: <c>image</c> is <c>Dockerfile</c> (a path, built) or <c>docker://image</c>.</summary>
internal sealed record DockerActionRuns(string Using, SourceLocation Location, string Image) : ActionRuns(Using, Location)
{
    public TemplateToken? Args { get; init; }

    public TemplateToken? Env { get; init; }

    public string? Entrypoint { get; init; }

    public string? PreEntrypoint { get; init; }

    public string PreIf { get; init; } = "always()";

    public string? PostEntrypoint { get; init; }

    public string PostIf { get; init; } = "always()";
}
