using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.Tasks.Tools;

/// <summary>
/// <c>NodeTool@0</c> (and <c>UseNode@1</c>): <c>versionSpec</c> (<c>6.x</c> by default; <c>version</c> for UseNode).
/// Slipway does not download Node.js: the <c>node</c> on PATH, or a version in the agent's tool cache
/// layout (<c>$(Agent.ToolsDirectory)/node/&lt;version&gt;/x64/bin</c>), is accepted when it matches;
/// otherwise the step fails naming the installed versions.
/// </summary>
internal sealed class NodeToolHandler(string specInput = "versionSpec", string defaultSpec = "6.x") : IStepHandler
{
    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = context.Inputs.Get(specInput, defaultSpec);
        var workingDirectory = TaskPaths.DefaultWorkingDirectory(context);
        var candidates = new List<(string Version, string Folder)>();
        var onPath = Execution.Processes.ExecutableResolver.Resolve("node", context.Environment, workingDirectory);
        if (onPath is not null
            && await InstalledTools.VersionOfAsync(onPath, context.Environment, workingDirectory, context.Run.Time, cancellationToken).ConfigureAwait(false) is { } version)
        {
            candidates.Add((version.TrimStart('v'), Path.GetDirectoryName(onPath)!));
        }

        var cache = Path.Combine(context.Workspace.ToolsDirectory, "node");
        if (Directory.Exists(cache))
        {
            candidates.AddRange(Directory.EnumerateDirectories(cache)
                .Select(d => (Path.GetFileName(d), Path.Combine(d, "x64", "bin")))
                .Where(c => File.Exists(Path.Combine(c.Item2, "node"))));
        }

        var best = VersionSpec.Highest(spec, candidates.Select(c => c.Version));
        if (best is null)
        {
            var list = candidates.Count == 0 ? "none (no node on PATH)" : string.Join(", ", candidates.Select(c => c.Version).Distinct());
            return StepOutcome.Failed($"Node.js version '{spec}' is not installed on this machine, and slipway run does not download tools. Installed Node.js versions: {list}.");
        }

        var folder = candidates.First(c => c.Version == best).Folder;
        context.Log.Output($"Found Node.js {best} matching '{spec}' in {folder}.");
        context.Variables.PrependPath(folder);
        return StepOutcome.Succeeded;
    }
}
