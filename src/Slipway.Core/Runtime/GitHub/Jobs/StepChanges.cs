using Slipway.Core.Execution.Output;

namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>
/// What one step execution asks the job to change, collected from its workflow commands while it runs
/// and from its file commands when it ends, then applied to the job in one go (<see cref="StepExecutor"/>).
/// </summary>
internal sealed class StepChanges
{
    public Dictionary<string, string> Outputs { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> State { get; } = new(StringComparer.Ordinal);

    public List<KeyValuePair<string, string>> Env { get; } = [];

    public List<string> Paths { get; } = [];

    /// <summary>A command or file command failed the step (GHA-CMD-6).</summary>
    public bool FailsStep { get; set; }

    /// <summary>Applies a workflow command that changes the job (the output writer logs the rest).</summary>
    public void Apply(GitHubCommand command)
    {
        switch (command)
        {
            case GitHubSetOutput output:
                Outputs[output.Name] = output.Value;
                break;
            case GitHubSaveState state:
                State[state.Name] = state.Value;
                break;
            case GitHubSetEnv env:
                Env.Add(KeyValuePair.Create(env.Name, env.Value));
                break;
            case GitHubAddPath path:
                StepResults.PrependPaths(Paths, [path.Path]);
                break;
        }
    }
}
