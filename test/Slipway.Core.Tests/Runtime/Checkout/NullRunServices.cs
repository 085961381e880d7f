using Slipway.Core.Runtime.Services;

namespace Slipway.Core.Tests.Runtime.Checkout;

/// <summary>Run services the checkout tests never use: every artifact operation fails.</summary>
internal sealed class UnavailableArtifactStore : IArtifactStore
{
    private const string Message = "Artifacts are not available in these tests.";

    public Task<ArtifactOperationResult> PublishAsync(ArtifactPublishRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ArtifactOperationResult.Fail(Message));

    public Task<ArtifactOperationResult> DownloadAsync(ArtifactDownloadRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ArtifactOperationResult.Fail(Message));

    public ArtifactOperationResult Associate(string name, string type, string location, string producedBy) => ArtifactOperationResult.Fail(Message);

    public IReadOnlyList<ArtifactInfo> List() => [];

    public IReadOnlyList<ArtifactInfo> FindByPrefix(string prefix) => [];

    public ArtifactOperationResult Delete(string name) => ArtifactOperationResult.Fail(Message);
}

/// <summary>Always a miss, never saves.</summary>
internal sealed class UnavailableCacheStore : ICacheStore
{
    public Task<CacheRestoreResult> RestoreAsync(string key, IReadOnlyList<string> restoreKeys, string path, CancellationToken cancellationToken) =>
        Task.FromResult(CacheRestoreResult.Miss);

    public Task<CacheSaveResult> SaveAsync(string key, string path, CancellationToken cancellationToken) =>
        Task.FromResult(new CacheSaveResult(false, "The cache is not available in these tests."));

    public Task<CacheMatch?> LookupAsync(string scope, string key, IReadOnlyList<string> restoreKeys, CancellationToken cancellationToken) =>
        Task.FromResult<CacheMatch?>(null);

    public Task<CacheRestoreResult> RestoreEntryAsync(string scope, string key, string path, CancellationToken cancellationToken) =>
        Task.FromResult(CacheRestoreResult.Miss);

    public Task<CacheSaveResult> SaveEntryAsync(string scope, string key, string path, CancellationToken cancellationToken) =>
        Task.FromResult(new CacheSaveResult(false, "The cache is not available in these tests."));
}

/// <summary>Reads no test results.</summary>
internal sealed class SummingTestResultsCollector : ITestResultsCollector
{
    public IReadOnlyList<TestRunSummary> TestRuns { get; } = [];

    public IReadOnlyList<CoverageSummary> Coverage { get; } = [];

    public (TestRunSummary? Summary, string? Error) AddTestResults(TestResultsRequest request) =>
        (null, $"Reading {request.Format} test results is not available in these tests.");

    public (CoverageSummary? Summary, string? Error) AddCoverage(CoverageRequest request) =>
        (null, $"Reading {request.Format} coverage is not available in these tests.");

    public CoverageSummary AddCoverage(Slipway.Core.Runtime.TestResults.CoverageReport report, string title) =>
        new(title, report.LinesCovered, report.LinesValid, null, null);
}
