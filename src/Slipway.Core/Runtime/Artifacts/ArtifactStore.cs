using Slipway.Core.Runtime.Tasks.Files;

namespace Slipway.Core.Runtime.Artifacts;

/// <summary>The outcome of publishing or downloading: files moved, or why it failed.</summary>
internal sealed record ArtifactResult(int Files, string? Error)
{
    public bool Succeeded => Error is null;

    public static ArtifactResult Fail(string error) => new(0, error);
}

/// <summary>
/// The artifacts of one run, stored under <c>.slipway/runs/&lt;id&gt;/artifacts/&lt;name&gt;/</c>. Publishing
/// copies into a private temporary folder and renames it into place, so concurrent jobs never see
/// half an artifact, and a second artifact with the same name in one run is refused, as in Azure.
/// </summary>
internal sealed class ArtifactStore
{
    private const string TempPrefix = ".publishing-";

    public ArtifactStore(string root)
    {
        Root = Path.GetFullPath(root);
    }

    /// <summary>The folder holding one sub-folder per artifact.</summary>
    public string Root { get; }

    /// <summary>The run's store: <c>&lt;repo&gt;/.slipway/runs/&lt;runId&gt;/artifacts</c>.</summary>
    public static ArtifactStore ForRun(string slipwayFolder, string runId) =>
        new(Path.Combine(slipwayFolder, "runs", runId, "artifacts"));

    public IReadOnlyList<string> Names() =>
        Directory.Exists(Root)
            ? [.. Directory.EnumerateDirectories(Root).Select(Path.GetFileName).OfType<string>()
                .Where(n => !n.StartsWith(TempPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)]
            : [];

    public bool Exists(string name) => Directory.Exists(Path.Combine(Root, name));

    /// <summary>Removes an artifact's folder (no-op when it has none, as an associated artifact).</summary>
    public void Delete(string name)
    {
        if (ArtifactNames.Validate(name) is null && Directory.Exists(Path.Combine(Root, name)))
        {
            Directory.Delete(Path.Combine(Root, name), recursive: true);
        }
    }

    /// <summary>Adds files to build artifact <paramref name="name"/> (created when missing), under
    /// <paramref name="containerFolder"/> inside it: build artifacts may be uploaded to more than once.</summary>
    public ArtifactResult Append(string name, string sourcePath, string? containerFolder)
    {
        if (ArtifactNames.Validate(name) is { } invalid)
        {
            return ArtifactResult.Fail(invalid);
        }

        if (!File.Exists(sourcePath) && !Directory.Exists(sourcePath))
        {
            return ArtifactResult.Fail($"Path does not exist: {sourcePath}");
        }

        var target = Path.Combine(Root, name);
        if (!string.IsNullOrWhiteSpace(containerFolder))
        {
            var inside = Path.GetFullPath(Path.Combine(target, containerFolder));
            if (!inside.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal) && inside != target)
            {
                return ArtifactResult.Fail($"The container folder '{containerFolder}' leaves the artifact.");
            }

            target = inside;
        }

        var count = File.Exists(sourcePath) ? CopyFile(sourcePath, target) : CopyTree(sourcePath, target);
        return new ArtifactResult(count, null);
    }

    /// <summary>Publishes a folder's contents, or a single file, as artifact <paramref name="name"/>.</summary>
    public ArtifactResult Publish(string name, string sourcePath)
    {
        if (ArtifactNames.Validate(name) is { } invalid)
        {
            return ArtifactResult.Fail(invalid);
        }

        if (!File.Exists(sourcePath) && !Directory.Exists(sourcePath))
        {
            return ArtifactResult.Fail($"Path does not exist: {sourcePath}");
        }

        var target = Path.Combine(Root, name);
        if (Directory.Exists(target))
        {
            return ArtifactResult.Fail(Duplicate(name));
        }

        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, TempPrefix + Guid.NewGuid().ToString("N"));
        var count = File.Exists(sourcePath) ? CopyFile(sourcePath, temp) : CopyTree(sourcePath, temp);
        try
        {
            Directory.Move(temp, target);
        }
        catch (IOException) when (Directory.Exists(target))
        {
            Directory.Delete(temp, recursive: true);
            return ArtifactResult.Fail(Duplicate(name));
        }

        return new ArtifactResult(count, null);
    }

    /// <summary>Copies the files of one artifact that match <paramref name="patterns"/> (relative to the
    /// artifact) into <paramref name="targetPath"/>.</summary>
    public ArtifactResult Download(string name, IReadOnlyList<string> patterns, string targetPath)
    {
        var source = Path.Combine(Root, name);
        if (!Directory.Exists(source))
        {
            var known = Names();
            var list = known.Count == 0 ? "this run has published no artifacts yet" : "published: " + string.Join(", ", known);
            return ArtifactResult.Fail($"Artifact '{name}' was not found ({list}).");
        }

        return new ArtifactResult(CopyMatching(source, patterns, targetPath), null);
    }

    /// <summary>Downloads every artifact into <c>&lt;targetPath&gt;/&lt;artifact&gt;/</c>; the patterns see paths
    /// that start with the artifact name (as DownloadPipelineArtifact@2 does without an artifact name).</summary>
    public ArtifactResult DownloadAll(IReadOnlyList<string> patterns, string targetPath)
    {
        if (!Directory.Exists(Root))
        {
            return new ArtifactResult(0, null);
        }

        var files = FileMatcher.MatchFiles(Root, patterns)
            .Where(f => !Path.GetRelativePath(Root, f).StartsWith(TempPrefix, StringComparison.Ordinal))
            .ToList();
        foreach (var file in files)
        {
            CopyFile(file, Path.Combine(targetPath, Path.GetRelativePath(Root, file)), intoFolder: false);
        }

        return new ArtifactResult(files.Count, null);
    }

    private static string Duplicate(string name) =>
        $"Artifact {name} already exists for this run. An artifact name can be published only once per run.";

    private static int CopyMatching(string source, IReadOnlyList<string> patterns, string target)
    {
        var files = FileMatcher.MatchFiles(source, patterns);
        foreach (var file in files)
        {
            CopyFile(file, Path.Combine(target, Path.GetRelativePath(source, file)), intoFolder: false);
        }

        return files.Count;
    }

    private static int CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        return CopyMatching(source, ["**"], target);
    }

    private static int CopyFile(string file, string target, bool intoFolder = true)
    {
        var destination = intoFolder ? Path.Combine(target, Path.GetFileName(file)) : target;
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Copy(file, destination, overwrite: true);
        return 1;
    }
}
