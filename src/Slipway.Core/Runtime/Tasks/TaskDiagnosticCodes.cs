namespace Slipway.Core.Runtime.Tasks;

/// <summary>SLW7000-SLW7499: built-in tasks, artifacts, caches, test results, task packages.</summary>
internal static class TaskDiagnosticCodes
{
    public const string InputRequired = "SLW7000";
    public const string PathNotFound = "SLW7001";
    public const string NoFilesMatched = "SLW7002";
    public const string UnsupportedInput = "SLW7003";
    public const string ArtifactFailed = "SLW7100";
    public const string CacheFailed = "SLW7200";
    public const string TestResultsFailed = "SLW7300";
    public const string TestsFailed = "SLW7301";
    public const string CoverageFailed = "SLW7302";
    public const string ToolNotInstalled = "SLW7350";
    public const string TaskPackageInvalid = "SLW7400";
    public const string TaskPackageNoHandler = "SLW7401";
    public const string TaskPackageNotFound = "SLW7402";
}
