namespace Slipway.Core.Runtime.Orchestration;

/// <summary>SLW7950-SLW7999: job continueOnError, endpoints and timeline details, local feeds, 7z archives, the cache size limit.</summary>
internal static class AzureRunDiagnosticCodes
{
    public const string ContinueOnErrorInvalid = "SLW7950";
    public const string EndpointCommandFailed = "SLW7951";
    public const string LogDetailFailed = "SLW7952";
    public const string FeedNotLocal = "SLW7960";
    public const string NoPackagesToPush = "SLW7961";
    public const string SevenZipMissing = "SLW7965";
    public const string WimNotSupported = "SLW7966";
    public const string CacheSizeInvalid = "SLW7970";
}
