using Slipway.Core.Execution.Processes;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Actions;

/// <summary>JavaScript actions (GHA-ACT-2): <c>node</c> from PATH, <c>pre</c>/<c>main</c>/<c>post</c>.</summary>
internal sealed partial class GitHubActionRunner
{
    private static async Task<StepOutcome> RunNodeMainAsync(IActionHost host, ResolvedAction action, NodeActionRuns node, CancellationToken cancel)
    {
        if (node.IsRetired)
        {
            host.Log.Warning($"The action '{action.Reference.Text}' uses '{node.Using}', which GitHub has retired; it runs with the node on PATH. Update the action to node20 or node24.",
                code: ActionDiagnosticCodes.NodeRetired);
        }

        // As the runner does, the post part is registered when the main part starts, so it runs even when main fails (W27).
        if (node.Post is { } post)
        {
            host.AddPostStep($"Post {DisplayName(host, action)}", new ActionPhase(node.PostIf, (h, c) => RunNodePhaseAsync(h, action, node, post, c)));
        }

        return await RunNodePhaseAsync(host, action, node, node.Main, cancel).ConfigureAwait(false);
    }

    /// <summary>Runs one script of the action (<c>pre</c>, <c>main</c> or <c>post</c>) with the step's inputs as <c>INPUT_*</c>.</summary>
    private static async Task<StepOutcome> RunNodePhaseAsync(IActionHost host, ResolvedAction action, NodeActionRuns node, string script, CancellationToken cancel)
    {
        var inputs = Inputs(host, action);
        if (inputs is null)
        {
            return StepOutcome.Failed("The action's inputs could not be evaluated.");
        }

        var environment = ActionEnvironment(host, action, inputs);
        var nodePath = ExecutableResolver.Resolve("node", environment, host.Folders.Workspace);
        if (nodePath is null)
        {
            host.Log.Error($"JavaScript actions ('using: {node.Using}') run with the 'node' program on PATH, and none was found. Install Node.js 20 or later.",
                code: ActionDiagnosticCodes.NodeMissing);
            return new StepOutcome(Runs.RunResult.Failed);
        }

        var file = Path.GetFullPath(Path.Combine(action.Directory!, script));

        // In a job container the action runs with the host's node install mounted at /__e/node20 (the runner mounts its externals there).
        var (program, arguments, processEnvironment) = host.InJobContainer(Containers.JobContainers.NodeFolder + "/bin/node", [file], host.Folders.Workspace, environment)
            ?? new Containers.ContainerProcess(nodePath, [file], environment);
        host.Log.Command($"{program} {string.Join(' ', arguments)}");
        var result = await host.RunProcessAsync(program, arguments, host.Folders.Workspace, processEnvironment, cancel).ConfigureAwait(false);
        return Outcome(result, "Node.js");
    }

    /// <summary>The step's environment plus <c>INPUT_*</c> and the action's own <c>GITHUB_ACTION_*</c> variables.</summary>
    private static Dictionary<string, string> ActionEnvironment(IActionHost host, ResolvedAction action, ActionInputs inputs)
    {
        var environment = new Dictionary<string, string>(host.Environment, StringComparer.Ordinal);
        foreach (var (name, value) in inputs.ToEnvironment())
        {
            environment[name] = value;
        }

        if (action.Directory is { } directory)
        {
            environment["GITHUB_ACTION_PATH"] = directory;
        }

        if (action.Reference is RepositoryActionReference remote)
        {
            environment["GITHUB_ACTION_REPOSITORY"] = remote.NameWithOwner;
            environment["GITHUB_ACTION_REF"] = remote.Ref;
        }

        return environment;
    }

    private static StepOutcome Outcome(ProcessResult result, string tool) =>
        result.Canceled ? StepOutcome.Canceled
        : !result.Started ? StepOutcome.Failed(result.StartError!)
        : StepOutcome.FromExitCode(result.ExitCode, tool);

    private static string DisplayName(IActionHost host, ResolvedAction action) =>
        host.Step.Name is Pipelines.GitHub.Tokens.StringToken name ? name.Value : "Run " + action.Reference.Text;
}
