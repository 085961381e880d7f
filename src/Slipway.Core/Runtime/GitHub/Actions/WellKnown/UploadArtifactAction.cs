using System.Globalization;
using Slipway.Core.Runtime.Artifacts;
using Slipway.Core.Runtime.Services;
using Slipway.Core.Runtime.Steps;
using Slipway.Core.Runtime.Tasks.Files;

namespace Slipway.Core.Runtime.GitHub.Actions.WellKnown;

/// <summary>
/// <c>actions/upload-artifact</c> (v4 semantics) on the run's artifact store: <c>name</c> (default <c>artifact</c>),
/// <c>path</c> lines (globs, <c>!</c> exclusions) stored relative to their least common ancestor, hidden files left
/// out unless <c>include-hidden-files</c>, <c>if-no-files-found</c> warn/error/ignore, <c>overwrite</c>; outputs
/// <c>artifact-id</c>.
/// </summary>
internal sealed class UploadArtifactAction : IWellKnownAction
{
    public async Task<StepOutcome> RunAsync(WellKnownActionContext context, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.Host;
        var name = context.Input("name") ?? "artifact";
        var lines = context.Lines("path");
        if (lines.Count == 0)
        {
            return context.Fail("Input required and not supplied: path", ActionDiagnosticCodes.InputInvalid);
        }

        var (files, root) = Search(context, lines);
        if (!context.Flag("include-hidden-files", fallback: false))
        {
            files = [.. files.Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(s => s.StartsWith('.')))];
        }

        if (files.Count == 0)
        {
            var message = $"No files were found with the provided path: {string.Join('\n', lines)}. No artifacts will be uploaded.";
            switch (context.Input("if-no-files-found") ?? "warn")
            {
                case "error": return context.Fail(message, ActionDiagnosticCodes.ArtifactNoFiles);
                case "ignore": host.Log.Output(message); return StepOutcome.Succeeded;
                default: host.Log.Warning(message, code: ActionDiagnosticCodes.ArtifactNoFiles); return StepOutcome.Succeeded;
            }
        }

        var artifacts = host.Run.Services.Artifacts;
        if (artifacts.List().Any(a => string.Equals(a.Name, name, StringComparison.Ordinal)))
        {
            if (!context.Flag("overwrite", fallback: false))
            {
                return context.Fail("Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run",
                    ActionDiagnosticCodes.ArtifactConflict);
            }

            host.Log.Output($"Artifact '{name}' exists already and overwrite is true: deleting it.");
            if (artifacts.Delete(name) is { Error: { } deleteError })
            {
                return context.Fail(deleteError, ActionDiagnosticCodes.ArtifactConflict);
            }
        }

        var staging = Path.Combine(host.Folders.Temp, "upload-artifact-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var file in files)
            {
                var target = Path.Combine(staging, Path.GetRelativePath(root, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            host.Log.Output($"With the provided path, there will be {files.Count} file(s) uploaded (root: {root}).");
            var result = await artifacts.PublishAsync(new ArtifactPublishRequest(name, staging, ArtifactKind.Pipeline, host.Step.Id), cancel).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return context.Fail(result.Error!, ActionDiagnosticCodes.ArtifactConflict);
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        var id = artifacts.List().Select(a => a.Name).ToList().IndexOf(name) + 1;
        host.SetOutput("artifact-id", id.ToString(CultureInfo.InvariantCulture));
        host.Log.Output($"Artifact {name} has been successfully uploaded! Final size is {files.Sum(f => new FileInfo(f).Length)} bytes.");
        return StepOutcome.Succeeded;
    }

    /// <summary>The files the path lines select and the root they are stored under (the least common ancestor of the search paths).</summary>
    private static (IReadOnlyList<string> Files, string Root) Search(WellKnownActionContext context, IReadOnlyList<string> lines)
    {
        var includes = lines.Where(l => !l.StartsWith('!')).Select(context.WorkspacePath).ToList();
        var searchRoots = includes.Select(SearchPath).ToList();
        var selected = new List<string>();
        foreach (var include in includes)
        {
            if (File.Exists(include))
            {
                selected.Add(include);
            }
            else if (Directory.Exists(include))
            {
                selected.AddRange(FileMatcher.EnumerateFiles(include));
            }
            else
            {
                var start = SearchPath(include);
                selected.AddRange(FileMatcher.Match(FileMatcher.EnumerateFiles(start), "/", [include]));
            }
        }

        var excludes = lines.Where(l => l.StartsWith('!')).Select(l => "!" + context.WorkspacePath(l[1..])).ToList();
        var files = excludes.Count == 0 ? selected : FileMatcher.Match(selected, "/", ["**", .. excludes]);
        var roots = searchRoots.Select(r => File.Exists(r) ? Path.GetDirectoryName(r)! : r).ToList();
        return ([.. files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], CommonAncestor(roots));
    }

    /// <summary>The part of a pattern before its first wildcard segment.</summary>
    private static string SearchPath(string pattern)
    {
        var segments = pattern.Split('/');
        var literal = segments.TakeWhile(s => !GlobPattern.HasWildcards(s)).ToList();
        return literal.Count == segments.Length ? pattern : "/" + string.Join('/', literal.Where(s => s.Length > 0));
    }

    private static string CommonAncestor(List<string> paths)
    {
        var common = paths[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var path in paths.Skip(1))
        {
            var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            common = [.. common.Zip(parts).TakeWhile(p => p.First == p.Second).Select(p => p.First)];
        }

        return "/" + string.Join('/', common);
    }
}
