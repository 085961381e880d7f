using System.Text.Json;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.Tasks.Tools;

/// <summary>
/// <c>UseDotNet@2</c>: <c>packageType</c> (sdk | runtime), <c>version</c> (<c>8.x</c>, <c>10.0.x</c>, exact),
/// <c>useGlobalJson</c> with <c>workingDirectory</c>, <c>includePreviewVersions</c>. Slipway does not
/// download .NET: an installed matching version is accepted (its root is put first on PATH and in
/// <c>DOTNET_ROOT</c> for later steps), anything else fails naming the installed versions.
/// </summary>
internal sealed class UseDotNetHandler : IStepHandler
{
    public Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var inputs = context.Inputs;
        var runtime = string.Equals(inputs.Get("packageType", "sdk"), "runtime", StringComparison.OrdinalIgnoreCase);
        var kind = runtime ? ".NET runtime" : ".NET SDK";
        var spec = inputs.GetBool("useGlobalJson", false) ? GlobalJsonVersion(context) : inputs.Get("version");
        if (string.IsNullOrWhiteSpace(spec))
        {
            return Task.FromResult(StepOutcome.Failed(inputs.GetBool("useGlobalJson", false)
                ? "useGlobalJson is true but no global.json with an sdk version was found in the working directory."
                : "Input required: version"));
        }

        var root = InstalledTools.DotNetRoot(context.Environment, TaskPaths.DefaultWorkingDirectory(context));
        var installed = root is null ? [] : InstalledTools.DotNetVersions(root, runtime);
        var match = VersionSpec.Highest(spec, installed, inputs.GetBool("includePreviewVersions", false));
        if (match is null || root is null)
        {
            var list = installed.Count == 0 ? "none (no dotnet found on PATH)" : string.Join(", ", installed.OrderDescending(Comparer<string>.Create(VersionSpec.Compare)));
            return Task.FromResult(StepOutcome.Failed(
                $"{kind} version '{spec}' is not installed on this machine, and slipway run does not download tools. Installed {kind} versions: {list}."));
        }

        context.Log.Output($"Found {kind} version {match} matching '{spec}' in {root}.");
        context.Variables.PrependPath(root);
        context.Variables.Set("DOTNET_ROOT", root);
        return Task.FromResult(StepOutcome.Succeeded);
    }

    private static string? GlobalJsonVersion(StepContext context)
    {
        var folder = context.Inputs.Get("workingDirectory") is { Length: > 0 } w ? TaskPaths.Resolve(context, w) : TaskPaths.DefaultWorkingDirectory(context);
        var file = Path.Combine(folder, "global.json");
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return document.RootElement.TryGetProperty("sdk", out var sdk) && sdk.TryGetProperty("version", out var version) ? version.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
