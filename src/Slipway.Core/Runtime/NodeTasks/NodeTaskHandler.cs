using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.NodeTasks;

/// <summary>
/// Runs a task package's Node handler as the agent's NodeHandler does: the handler with the best
/// priority (AZP-TASK-4: Node24, Node20_1, Node16, Node10, Node), <c>node "&lt;target&gt;"</c> with the
/// <c>node</c> on PATH, in <c>System.DefaultWorkingDirectory</c>, with the task environment; logging
/// commands in its output are applied by the runtime; a non-zero exit fails the step, a zero exit keeps
/// what <c>task.complete</c> said (AZP-TASK-7). A <c>postjobexecution</c> Node handler becomes a post-job step.
/// </summary>
internal sealed class NodeTaskHandler : IStepHandler
{
    private static readonly string[] Priority = ["Node24", "Node20_1", "Node20", "Node16", "Node10", "Node"];

    public NodeTaskHandler(TaskPackage package)
    {
        Package = package;
    }

    public TaskPackage Package { get; }

    /// <summary>The Node handler entry to run, or null when the list has none.</summary>
    public static TaskHandlerEntry? Choose(IReadOnlyList<TaskHandlerEntry> entries) =>
        Priority.Select(kind => entries.FirstOrDefault(e => string.Equals(e.Kind, kind, StringComparison.OrdinalIgnoreCase))).OfType<TaskHandlerEntry>().FirstOrDefault();

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Choose(Package.Execution) is not { } entry)
        {
            var kinds = Package.Execution.Count == 0 ? "none" : string.Join(", ", Package.Execution.Select(e => e.Kind));
            return StepOutcome.Failed($"Task {Package.Name}@{Package.Version.Major} ({Package.Directory}) has no Node handler (execution: {kinds}); slipway run runs Node24, Node20_1, Node16, Node10 and Node handlers.");
        }

        // Required inputs are not checked here: as on the agent, the task-lib's getInput(name, true) fails the task.
        var inputs = NodeTaskInputs.Resolve(Package, context);

        if (Package.PreJobExecution.Count > 0)
        {
            context.Log.Warning($"Task {Package.Name} has a prejobexecution handler, which slipway run does not run.");
        }

        var outcome = await RunEntryAsync(context, entry, inputs, cancellationToken).ConfigureAwait(false);
        if (outcome.Result is not Runs.RunResult.Failed and not Runs.RunResult.Canceled && Choose(Package.PostJobExecution) is { } post)
        {
            context.PostJob.Add($"Post-job: {context.DisplayName}", (postContext, token) => RunEntryAsync(postContext, post, inputs, token));
        }

        return outcome;
    }

    private async Task<StepOutcome> RunEntryAsync(StepContext context, TaskHandlerEntry entry, IReadOnlyDictionary<string, string> inputs, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(Path.Combine(Package.Directory, entry.Target));
        if (!File.Exists(target))
        {
            return StepOutcome.Failed($"Task {Package.Name}: the {entry.Kind} target '{target}' does not exist.");
        }

        var workingDirectory = Tasks.TaskPaths.DefaultWorkingDirectory(context);
        var request = new StepProcessRequest
        {
            FileName = "node",
            Arguments = [target],
            WorkingDirectory = Directory.Exists(workingDirectory) ? workingDirectory : context.Workspace.PipelineWorkspace,
            Environment = NodeTaskEnvironment.Build(context, inputs),
        };
        context.Log.Debug($"Using node from PATH for {entry.Kind}: node \"{target}\"");
        var result = await context.Processes.RunAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.Process.StartError is { } startError)
        {
            return StepOutcome.Failed($"{startError} Node tasks need 'node' on PATH (install Node.js 20 or later).");
        }

        if (result.Process.Canceled || result.Process.TimedOut)
        {
            return StepOutcome.Canceled;
        }

        return result.ExitCode == 0
            ? StepOutcome.Succeeded
            : StepOutcome.Failed($"Exit code {result.ExitCode} returned from process: file name 'node', arguments '\"{target}\"'.", result.ExitCode);
    }
}
