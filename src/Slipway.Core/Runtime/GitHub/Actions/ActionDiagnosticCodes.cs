namespace Slipway.Core.Runtime.GitHub.Actions;

/// <summary>SLW8400-SLW8499: GitHub actions (<c>uses:</c> steps, <c>action.yml</c>, action handlers).</summary>
public static class ActionDiagnosticCodes
{
    public const string ReferenceSyntax = "SLW8400";
    public const string ActionNotFound = "SLW8401";
    public const string ManifestYaml = "SLW8402";
    public const string ManifestInvalid = "SLW8403";
    public const string UnexpectedInputs = "SLW8404";
    public const string InputEvaluation = "SLW8405";
    public const string NodeMissing = "SLW8406";
    public const string NodeRetired = "SLW8407";
    public const string CompositeDepth = "SLW8408";
    public const string CompositeShellMissing = "SLW8409";
    public const string DockerMissing = "SLW8410";
    public const string ToolVersionMissing = "SLW8411";
    public const string ArtifactNotFound = "SLW8412";
    public const string ArtifactNoFiles = "SLW8413";
    public const string ArtifactConflict = "SLW8414";
    public const string CacheMiss = "SLW8415";
    public const string CheckoutFailed = "SLW8416";
    public const string InputInvalid = "SLW8417";
    public const string OutputEvaluation = "SLW8418";
    public const string InputDeprecated = "SLW8419";
}
