namespace Slipway.Core.Runtime.Services;

/// <summary>Pipeline artifacts (PublishPipelineArtifact, <c>publish:</c>) or build artifacts (PublishBuildArtifacts, <c>artifact.upload</c>).</summary>
internal enum ArtifactKind
{
    Pipeline,
    Build,
}

/// <summary>An artifact stored with the run.</summary>
internal sealed record ArtifactInfo(string Name, ArtifactKind Kind, string StoredPath, string ProducedBy)
{
    /// <summary>For <c>artifact.associate</c>: the type (<c>container</c>, <c>filepath</c>, ...) and location it names.</summary>
    public string? AssociatedType { get; init; }

    public string? AssociatedLocation { get; init; }
}

/// <summary>Upload <paramref name="SourcePath"/> (file or folder) as artifact <paramref name="Name"/>; <paramref name="ContainerFolder"/> is the sub-folder inside it (build artifacts).</summary>
internal sealed record ArtifactPublishRequest(string Name, string SourcePath, ArtifactKind Kind, string ProducedBy)
{
    public string? ContainerFolder { get; init; }
}

/// <summary>Download artifact <paramref name="Name"/> (null: every artifact of the run, each into its own sub-folder) into <paramref name="TargetPath"/>.</summary>
internal sealed record ArtifactDownloadRequest(string? Name, string TargetPath)
{
    /// <summary>Minimatch patterns of the files to take (default <c>**</c>).</summary>
    public IReadOnlyList<string> Patterns { get; init; } = ["**"];
}

/// <summary>Success with the artifacts touched, or an error message for the step.</summary>
internal sealed record ArtifactOperationResult(IReadOnlyList<ArtifactInfo> Artifacts, string? Error)
{
    public bool Succeeded => Error is null;

    public static ArtifactOperationResult Fail(string error) => new([], error);
}

/// <summary>
/// The run's artifacts, stored under the run folder. Safe under concurrent jobs. Implemented by the
/// tasks helper; the runtime calls it for <c>##vso[artifact.upload]</c>/<c>artifact.associate</c>,
/// and tasks (PublishPipelineArtifact, DownloadPipelineArtifact, deployment jobs' download) use it.
/// </summary>
internal interface IArtifactStore
{
    Task<ArtifactOperationResult> PublishAsync(ArtifactPublishRequest request, CancellationToken cancellationToken);

    Task<ArtifactOperationResult> DownloadAsync(ArtifactDownloadRequest request, CancellationToken cancellationToken);

    /// <summary><c>##vso[artifact.associate]</c>: records an artifact that lives elsewhere.</summary>
    ArtifactOperationResult Associate(string name, string type, string location, string producedBy);

    /// <summary>Every artifact of the run so far.</summary>
    IReadOnlyList<ArtifactInfo> List();

    /// <summary>The artifacts whose name starts with <paramref name="prefix"/> (ordinal), the most recently stored first.</summary>
    IReadOnlyList<ArtifactInfo> FindByPrefix(string prefix);

    /// <summary>Deletes an artifact of the run and its files (<c>upload-artifact</c> with <c>overwrite: true</c>).</summary>
    ArtifactOperationResult Delete(string name);
}
