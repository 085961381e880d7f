namespace Slipway.Core.Runtime.Services;

/// <summary>Used until the tasks helper's store is plugged in: every operation is a clear error.</summary>
internal sealed class UnavailableArtifactStore : IArtifactStore
{
    private const string Message = "Artifacts are not available in this build of Slipway.";

    public Task<ArtifactOperationResult> PublishAsync(ArtifactPublishRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ArtifactOperationResult.Fail(Message));

    public Task<ArtifactOperationResult> DownloadAsync(ArtifactDownloadRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ArtifactOperationResult.Fail(Message));

    public ArtifactOperationResult Associate(string name, string type, string location, string producedBy) => ArtifactOperationResult.Fail(Message);

    public IReadOnlyList<ArtifactInfo> List() => [];
}

/// <summary>Used until the tasks helper's cache is plugged in: always a miss, never saves.</summary>
internal sealed class UnavailableCacheStore : ICacheStore
{
    public Task<CacheRestoreResult> RestoreAsync(string key, IReadOnlyList<string> restoreKeys, string path, CancellationToken cancellationToken) =>
        Task.FromResult(CacheRestoreResult.Miss);

    public Task<CacheSaveResult> SaveAsync(string key, string path, CancellationToken cancellationToken) =>
        Task.FromResult(new CacheSaveResult(false, "The cache is not available in this build of Slipway."));
}

/// <summary>Used until the tasks helper's parsers are plugged in: cannot read files.</summary>
internal sealed class SummingTestResultsCollector : ITestResultsCollector
{
    public IReadOnlyList<TestRunSummary> TestRuns { get; } = [];

    public IReadOnlyList<CoverageSummary> Coverage { get; } = [];

    public (TestRunSummary? Summary, string? Error) AddTestResults(TestResultsRequest request) =>
        (null, $"Reading {request.Format} test results is not available in this build of Slipway.");

    public (CoverageSummary? Summary, string? Error) AddCoverage(CoverageRequest request) =>
        (null, $"Reading {request.Format} coverage is not available in this build of Slipway.");
}
