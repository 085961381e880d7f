using Slipway.Core.Diagnostics;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Runtime.GitHub.Actions.WellKnown;
using Slipway.Core.Runtime.GitHub.Contexts;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Actions;

/// <summary>
/// Runs <c>uses:</c> steps: well-known actions emulated natively (by <c>owner/repo</c>, whatever the ref),
/// JavaScript actions with the <c>node</c> on PATH, composite actions through the host, Docker actions and
/// <c>docker://</c> images through the <c>docker</c> CLI. Keeps no per-job state (the host has it).
/// </summary>
internal sealed partial class GitHubActionRunner(string actionsDirectory, WellKnownActions wellKnown, DockerEngine docker) : IActionStepRunner
{
    public string ActionsDirectory => actionsDirectory;

    public Task<ActionPreparation> PrepareAsync(IActionHost host, WorkflowStep step, CancellationToken cancel) =>
        Task.FromResult(Prepare(host, step));

    private ActionPreparation Prepare(IActionHost host, WorkflowStep step)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(step);

        // As on the runner, a local action is read when its step runs: the repository is checked out by an earlier step
        // (so a local action's 'pre' never runs).
        if (ActionReference.Parse(step.Uses!.Value) is LocalActionReference)
        {
            return ActionPreparation.None;
        }

        var resolved = Resolve(host, step);
        if (!resolved.IsSuccess)
        {
            return new ActionPreparation(Error: resolved.Error.ToString());
        }

        if (resolved.Value is not { Manifest: { } manifest } action)
        {
            return ActionPreparation.None;
        }

        if (manifest.Runs is NodeActionRuns { Pre: { } pre } node)
        {
            return new ActionPreparation(new ActionPhase(node.PreIf, (h, c) => RunNodePhaseAsync(h, action, node, pre, c)));
        }

        if (manifest.Runs is DockerActionRuns { PreEntrypoint: { } entry } container)
        {
            return new ActionPreparation(new ActionPhase(container.PreIf, (h, c) => RunDockerActionAsync(h, action, container, entry, c)));
        }

        return ActionPreparation.None;
    }

    public async Task<StepOutcome> RunAsync(IActionHost host, WorkflowStep step, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(step);
        var resolved = Resolve(host, step);
        if (!resolved.IsSuccess)
        {
            return Fail(host, resolved.Error);
        }

        var action = resolved.Value;
        if (action.Emulated is { } emulated)
        {
            var emulatedInputs = Inputs(host, action);
            return emulatedInputs is null ? StepOutcome.Failed("The action's inputs could not be evaluated.")
                : await emulated.RunAsync(new WellKnownActionContext(host, emulatedInputs, action.Reference), cancel).ConfigureAwait(false);
        }

        if (action.Manifest is null)
        {
            return await RunImageAsync(host, action, cancel).ConfigureAwait(false);
        }

        return action.Manifest.Runs switch
        {
            NodeActionRuns node => await RunNodeMainAsync(host, action, node, cancel).ConfigureAwait(false),
            CompositeActionRuns composite => await RunCompositeAsync(host, action, composite, cancel).ConfigureAwait(false),
            DockerActionRuns container => await RunDockerMainAsync(host, action, container, cancel).ConfigureAwait(false),
            _ => StepOutcome.Failed($"'using: {action.Manifest.Runs.Using}' is not supported."),
        };
    }

    /// <summary>What a <c>uses:</c> names: an emulated action, an image, or an action folder with its manifest.</summary>
    private Evaluated<ResolvedAction> Resolve(IActionHost host, WorkflowStep step)
    {
        var uses = step.Uses!;
        if (ActionReference.Parse(uses.Value) is not { } reference)
        {
            return Diagnostic.Error(ActionDiagnosticCodes.ReferenceSyntax, ActionReference.SyntaxMessage(uses.Value), uses.Location);
        }

        if (reference is RepositoryActionReference remote && wellKnown.Find(remote) is { } emulated)
        {
            return new ResolvedAction(reference, null, null, emulated);
        }

        if (reference is DockerActionReference)
        {
            return new ResolvedAction(reference, null, null, null);
        }

        var folder = ActionLocator.Locate(reference, host.Folders.Workspace, actionsDirectory, uses.Location);
        if (!folder.IsSuccess)
        {
            return folder.Error;
        }

        var read = ActionManifestReader.ReadDirectory(folder.Value);
        return read.Manifest is { } manifest
            ? new ResolvedAction(reference, folder.Value, manifest, null)
            : read.Errors[0] with { Message = $"{read.Errors[0].Message} (in the action '{uses.Value}' used at {uses.Location})" };
    }

    /// <summary>Evaluates <c>with:</c> and applies the manifest's defaults; logs the warnings; null (after logging the error) when evaluation failed.</summary>
    private static ActionInputs? Inputs(IActionHost host, ResolvedAction action)
    {
        var inputs = ActionInputs.Resolve(action.Manifest, host.Step.With, host.Context);
        if (!inputs.IsSuccess)
        {
            host.Log.Error(inputs.Error.Message, inputs.Error.Location.File, inputs.Error.Location.Line, inputs.Error.Location.Column, inputs.Error.Code);
            return null;
        }

        foreach (var warning in inputs.Value.Warnings)
        {
            host.Log.Warning(warning, code: ActionDiagnosticCodes.UnexpectedInputs);
        }

        return inputs.Value;
    }

    private static StepOutcome Fail(IActionHost host, Diagnostic error)
    {
        host.Log.Error(error.Message, error.Location.IsKnown ? error.Location.File : null, error.Location.IsKnown ? error.Location.Line : null,
            error.Location.IsKnown ? error.Location.Column : null, error.Code);
        return new StepOutcome(Runs.RunResult.Failed);
    }

    /// <param name="Directory">The action folder (<c>GITHUB_ACTION_PATH</c>), null for images and emulated actions.</param>
    private sealed record ResolvedAction(ActionReference Reference, string? Directory, ActionManifest? Manifest, IWellKnownAction? Emulated);

    /// <inheritdoc/>
    public Task<bool> IsContainerEngineAvailableAsync(IActionHost host, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(host);
        return docker.IsAvailableAsync(host.Environment, cancel);
    }
}
