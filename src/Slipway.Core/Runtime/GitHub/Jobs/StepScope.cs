using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>
/// Where a step runs: at the job's top level, or inside a composite action, which has its own
/// <c>steps</c> and <c>inputs</c> contexts, <c>GITHUB_ACTION_PATH</c>, and the calling step's <c>env</c>
/// underneath its steps' own. <c>defaults.run</c> applies only at the job's level (RUN <c>ScriptHandler</c>).
/// </summary>
internal sealed class StepScope
{
    public required StepsContext Steps { get; init; }

    public required ObjectValue Inputs { get; init; }

    /// <summary>Prefix of the keys under which steps of this scope keep their saved state ('' for the job).</summary>
    public string StatePrefix { get; init; } = string.Empty;

    /// <summary>The composite action's folder (<c>GITHUB_ACTION_PATH</c>), null at the job level.</summary>
    public string? ActionPath { get; init; }

    /// <summary>The calling step's evaluated <c>env</c>, under the nested steps' own (empty at the job level).</summary>
    public IReadOnlyDictionary<string, string> CallerEnv { get; init; } = new Dictionary<string, string>();

    /// <summary>How many composite actions deep this scope is (0 = the job).</summary>
    public int Depth { get; init; }

    public bool IsJob => Depth == 0;

    /// <summary>A step of this composite scope failed: its later steps see <c>failure()</c> (the job's own status covers the job scope).</summary>
    public bool Failed { get; set; }

    public static StepScope ForJob(GitHubJobState job) => new() { Steps = job.Steps, Inputs = job.Request.Inputs };
}
