using Slipway.Core.Runtime.Orchestration;
using Slipway.Core.Runtime.Steps;
using Slipway.Core.Runtime.Tasks.Files;

namespace Slipway.Core.Runtime.Tasks.DotNet;

internal sealed partial class DotNetCoreCliHandler
{
    /// <summary>
    /// <c>command: push</c> to a local folder feed: <c>packagesToPush</c> (<c>$(Build.ArtifactStagingDirectory)/*.nupkg</c>),
    /// <c>nuGetFeedType</c> internal (<c>publishVstsFeed</c> names the folder <c>.slipway/feeds/&lt;name&gt;</c>) or external
    /// (<c>publishFeedCredentials</c> is a folder path or <c>file://</c> URL). Each package goes through
    /// <c>dotnet nuget push PACKAGE --source FOLDER</c>. A remote feed is an error: nothing leaves the machine.
    /// </summary>
    private static async Task<StepOutcome> PushAsync(StepContext context, string workingDirectory, CancellationToken cancellationToken)
    {
        var (feed, error) = LocalFeed(context);
        if (feed is null)
        {
            return StepOutcome.Failed(error!);
        }

        var inputs = context.Inputs;
        var patterns = TaskPaths.Lines(inputs.Get("packagesToPush") ?? inputs.Get("searchPatternPush")
            ?? Path.Combine(context.Workspace.ArtifactStagingDirectory, "*.nupkg"));
        var packages = FileMatcher.MatchFiles(TaskPaths.DefaultWorkingDirectory(context), patterns);
        if (packages.Count == 0)
        {
            return StepOutcome.Failed($"{AzureRunDiagnosticCodes.NoPackagesToPush}: No packages matched the search pattern: {string.Join(", ", patterns)}.");
        }

        foreach (var package in packages)
        {
            var exit = await DotNetAsync(context, PushArguments(package, feed), workingDirectory, cancellationToken).ConfigureAwait(false);
            if (exit is null)
            {
                return StepOutcome.Canceled;
            }

            if (exit != 0)
            {
                return StepOutcome.Failed($"Pushing '{package}' to the local feed '{feed}' failed.", exit);
            }
        }

        return StepOutcome.Succeeded;
    }

    public static IReadOnlyList<string> PushArguments(string package, string feedFolder) => ["nuget", "push", package, "--source", feedFolder];

    /// <summary>The folder the packages go to, or why the feed is not a local folder feed.</summary>
    private static (string? Folder, string? Error) LocalFeed(StepContext context)
    {
        var inputs = context.Inputs;
        var feeds = Path.GetFullPath(Path.Combine(context.Run.StoreDirectory, "feeds"));
        var type = inputs.Get("nuGetFeedType", "internal").Trim().ToLowerInvariant();
        if (type == "external")
        {
            var endpoint = (inputs.Get("publishFeedCredentials") ?? inputs.Get("externalEndpoint") ?? string.Empty).Trim();
            var path = Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.IsFile ? uri.LocalPath
                : endpoint.Length > 0 && !endpoint.Contains("://", StringComparison.Ordinal) ? TaskPaths.Resolve(context, endpoint) : null;
            return path is not null && Directory.Exists(path) ? (path, null) : (null, NotLocal($"the external feed '{endpoint}'", feeds));
        }

        var name = (inputs.Get("publishVstsFeed") ?? inputs.Get("feedPublish") ?? string.Empty).Trim();
        if (name.Length == 0)
        {
            return (null, "Input required: publishVstsFeed");
        }

        var folder = Path.GetFullPath(Path.Combine(feeds, name));
        var inside = folder.StartsWith(feeds + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return inside && Directory.Exists(folder) ? (folder, null) : (null, NotLocal($"the feed '{name}'", feeds));
    }

    private static string NotLocal(string feed, string feeds) =>
        $"{AzureRunDiagnosticCodes.FeedNotLocal}: DotNetCoreCLI@2 push: {feed} is not a local folder feed. Local runs push only to local folder feeds " +
        $"(.slipway/feeds/): create the folder {Path.Combine(feeds, "<name>")} and set publishVstsFeed: <name>, or use nuGetFeedType: external " +
        "with publishFeedCredentials set to an existing folder.";
}
