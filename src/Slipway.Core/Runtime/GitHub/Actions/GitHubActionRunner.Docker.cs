using System.Security.Cryptography;
using System.Text;
using Slipway.Core.Expressions.GitHub;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Actions;

/// <summary>Docker actions (<c>runs.using: docker</c>, GHA-ACT-3) and <c>docker://</c> steps, through the <c>docker</c> CLI.</summary>
internal sealed partial class GitHubActionRunner
{
    private Task<StepOutcome> RunDockerMainAsync(IActionHost host, ResolvedAction action, DockerActionRuns runs, CancellationToken cancel)
    {
        if (runs.PostEntrypoint is { } post)
        {
            host.AddPostStep($"Post {DisplayName(host, action)}", new ActionPhase(runs.PostIf, (h, c) => RunDockerActionAsync(h, action, runs, post, c)));
        }

        return RunDockerActionAsync(host, action, runs, runs.Entrypoint, cancel);
    }

    private async Task<StepOutcome> RunDockerActionAsync(IActionHost host, ResolvedAction action, DockerActionRuns runs, string? entrypoint, CancellationToken cancel)
    {
        var inputs = Inputs(host, action);
        if (inputs is null)
        {
            return StepOutcome.Failed("The action's inputs could not be evaluated.");
        }

        var context = new Expressions.EvaluationContext(
            host.Context.Names.Where(n => n != "inputs").Select(n => new KeyValuePair<string, ExpressionValue>(n, host.Context.GetNamedValue(n)))
                .Append(new("inputs", inputs.ToContext())), host.Context.Host);
        var args = Contexts.TokenEvaluator.Evaluate(runs.Args, context);
        var env = Contexts.TokenEvaluator.Evaluate(runs.Env, context);
        if (!args.IsSuccess || !env.IsSuccess)
        {
            var error = args.Error ?? env.Error!;
            host.Log.Error(error.Message, error.Location.File, error.Location.Line, error.Location.Column, ActionDiagnosticCodes.InputEvaluation);
            return new StepOutcome(Runs.RunResult.Failed);
        }

        var arguments = args.Value is ArrayValue array ? array.Items.Select(GitHubCoercion.ToDisplayString).ToList() : [];
        var extra = env.Value is ObjectValue o ? o.Entries.Select(e => new KeyValuePair<string, string>(e.Key, GitHubCoercion.ToDisplayString(e.Value))) : [];
        return await RunContainerAsync(host, action, runs.Image, inputs, entrypoint, arguments, extra, cancel).ConfigureAwait(false);
    }

    /// <summary><c>uses: docker://image</c>: <c>with.args</c> (split as a shell would) and <c>with.entrypoint</c>.</summary>
    private async Task<StepOutcome> RunImageAsync(IActionHost host, ResolvedAction action, CancellationToken cancel)
    {
        var inputs = Inputs(host, action);
        if (inputs is null)
        {
            return StepOutcome.Failed("The action's inputs could not be evaluated.");
        }

        var image = ((DockerActionReference)action.Reference).Image;
        return await RunContainerAsync(host, action, DockerActionReference.Prefix + image, inputs, inputs["entrypoint"],
            DockerCommands.SplitOptions(inputs["args"]), [], cancel).ConfigureAwait(false);
    }

    private async Task<StepOutcome> RunContainerAsync(IActionHost host, ResolvedAction action, string image, ActionInputs inputs, string? entrypoint,
        IReadOnlyList<string> arguments, IEnumerable<KeyValuePair<string, string>> extraEnvironment, CancellationToken cancel)
    {
        var environment = ActionEnvironment(host, action, inputs);
        if (!await docker.IsAvailableAsync(environment, cancel).ConfigureAwait(false))
        {
            host.Log.Error(DockerEngine.MissingMessage, code: ActionDiagnosticCodes.DockerMissing);
            return new StepOutcome(Runs.RunResult.Failed);
        }

        var folders = host.Folders;
        var mounts = new ContainerMounts(folders.Workspace, folders.FileCommands, folders.Temp, Path.GetDirectoryName(folders.EventPath)!);
        var containerEnvironment = new Dictionary<string, string>(StringComparer.Ordinal);
        var machine = host.Run.Options.BaseEnvironment ?? new Dictionary<string, string>();
        foreach (var (variable, value) in environment.Where(e => IsPassedToContainer(e.Key, e.Value, machine)).Concat(extraEnvironment))
        {
            containerEnvironment[variable] = mounts.Translate(value);
        }

        containerEnvironment["HOME"] = ContainerMounts.ContainerHome;
        containerEnvironment["GITHUB_ACTIONS"] = "true";
        containerEnvironment["CI"] = "true";
        var tag = image;
        if (image.StartsWith(DockerActionReference.Prefix, StringComparison.Ordinal))
        {
            tag = image[DockerActionReference.Prefix.Length..];
        }
        else
        {
            tag = "slipway-action:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(action.Directory!)))[..16];
            var build = await DockerAsync(host, DockerCommands.Build(tag, Path.Combine(action.Directory!, image), action.Directory!), environment, cancel).ConfigureAwait(false);
            if (build.Result != Runs.RunResult.Succeeded)
            {
                return build;
            }
        }

        var processEnvironment = new Dictionary<string, string>(environment, StringComparer.Ordinal);
        foreach (var (variable, value) in containerEnvironment)
        {
            processEnvironment[variable] = value;
        }

        var name = DockerCommands.ContainerName(host.Step.Id, host.Run.RunId);
        var run = DockerCommands.RunAction(name, tag, mounts, containerEnvironment.Keys, entrypoint, arguments, host.ContainerNetwork);
        return await DockerAsync(host, run, processEnvironment, cancel).ConfigureAwait(false);
    }

    private async Task<StepOutcome> DockerAsync(IActionHost host, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancel)
    {
        host.Log.Command($"{docker.Program} {string.Join(' ', arguments)}");
        var result = await host.RunProcessAsync(docker.Program, arguments, host.Folders.Workspace, environment, cancel).ConfigureAwait(false);
        return Outcome(result, "Docker");
    }

    /// <summary>
    /// As the runner, the container gets the step's variables (workflow/job/step <c>env</c>, <c>GITHUB_*</c>, <c>RUNNER_*</c>,
    /// <c>INPUT_*</c>, <c>STATE_*</c>, <c>ACTIONS_*</c>), not the machine's own environment (PATH, HOME, ...).
    /// </summary>
    internal static bool IsPassedToContainer(string name, string value, IReadOnlyDictionary<string, string> machine) =>
        name is not ("PATH" or "HOME")
        && (name.StartsWith("GITHUB_", StringComparison.Ordinal) || name.StartsWith("RUNNER_", StringComparison.Ordinal)
            || name.StartsWith("INPUT_", StringComparison.Ordinal) || name.StartsWith("STATE_", StringComparison.Ordinal)
            || name.StartsWith("ACTIONS_", StringComparison.Ordinal)
            || !machine.TryGetValue(name, out var machineValue) || machineValue != value);
}
