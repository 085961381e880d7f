namespace Slipway.Core.Runtime;

/// <summary>What the user asked for on the command line (<c>slipway run ...</c>), as the runtime and the handlers need it.</summary>
internal sealed record RunOptions
{
    /// <summary>The local repository the pipeline belongs to (the folder with <c>.git</c>, else the pipeline's folder).</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>Jobs running at once (<c>--parallel</c>, default the number of cores).</summary>
    public int Parallel { get; init; } = Environment.ProcessorCount;

    /// <summary><c>--stage</c>: run only these stages (case-insensitive); empty runs all.</summary>
    public IReadOnlyList<string> Stages { get; init; } = [];

    /// <summary><c>--job</c>: run only these jobs (<c>Job</c> or <c>Stage.Job</c>); empty runs all.</summary>
    public IReadOnlyList<string> Jobs { get; init; } = [];

    /// <summary><c>--secret</c>/<c>--secrets-file</c>: secret variables, masked everywhere.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Secrets { get; init; } = [];

    /// <summary><c>--repo alias=PATH</c>: local folders of repository resources (for <c>checkout: alias</c>).</summary>
    public IReadOnlyDictionary<string, string> RepositoryPaths { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>--dirty</c>: <c>checkout: self</c> includes uncommitted changes.</summary>
    public bool Dirty { get; init; }

    /// <summary><c>--debug</c>: System.Debug=true (debug lines shown).</summary>
    public bool Debug { get; init; }

    /// <summary><c>--tasks-dir</c> folders (and <c>.slipway/tasks/</c>) where task packages are looked up.</summary>
    public IReadOnlyList<string> TaskDirectories { get; init; } = [];

    /// <summary>The machine's <c>Agent.ToolsDirectory</c> (shared by runs); default under the user's cache folder.</summary>
    public string? ToolsDirectory { get; init; }

    /// <summary><c>--actions-dir</c>: where <c>owner/repo[/path]@ref</c> actions are looked up (<c>&lt;owner&gt;/&lt;repo&gt;/&lt;ref&gt;/</c>); null is the default under the user's cache folder.</summary>
    public string? ActionsDirectory { get; init; }

    /// <summary>The environment child processes start from (the CLI passes its own; tests pass a fixed one).</summary>
    public IReadOnlyDictionary<string, string>? BaseEnvironment { get; init; }
}
