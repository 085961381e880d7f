namespace Slipway.Core.Execution.Output;

/// <summary>SLW6000-SLW6499: running processes, reading step output, logging commands, masking, step logs.</summary>
public static class ExecutionDiagnosticCodes
{
    // 60xx: processes and step logs
    public const string ProcessNotStarted = "SLW6001";
    public const string LogWriteFailed = "SLW6010";

    // 61xx: Azure Pipelines logging commands (##vso[...])
    public const string AzureCommandKeywordDetected = "SLW6100";
    public const string AzureCommandAreaNotFound = "SLW6101";
    public const string AzureCommandFailed = "SLW6102";
    public const string AzureCommandWarning = "SLW6103";

    // 62xx: GitHub workflow commands (::name::)
    public const string GitHubCommandFailed = "SLW6200";
    public const string GitHubCommandWarning = "SLW6201";
    public const string GitHubCommandDebug = "SLW6202";
    public const string GitHubCommandDeprecated = "SLW6203";

    // 63xx: GitHub file commands (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE, GITHUB_PATH)
    public const string GitHubFileCommandFailed = "SLW6300";
    public const string GitHubFileCommandBlocked = "SLW6301";
}
