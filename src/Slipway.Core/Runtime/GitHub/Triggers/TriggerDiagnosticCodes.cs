namespace Slipway.Core.Runtime.GitHub.Triggers;

/// <summary>SLW8100-SLW8199: the event a workflow run is for (<c>--event</c>, <c>--payload</c>, <c>--base</c>, <c>--input</c>).</summary>
public static class TriggerDiagnosticCodes
{
    public const string UnknownEvent = "SLW8100";
    public const string PayloadUnreadable = "SLW8101";
    public const string PayloadInvalidJson = "SLW8102";
    public const string PayloadNotObject = "SLW8103";
    public const string BaseNotFound = "SLW8104";
    public const string NoCommits = "SLW8105";
    public const string GitFailed = "SLW8106";
    public const string NoBaseBranch = "SLW8107";
    public const string NotTopLevelEvent = "SLW8108";
    public const string UnexpectedInput = "SLW8110";
    public const string RequiredInput = "SLW8111";
    public const string InvalidBoolean = "SLW8112";
    public const string InvalidNumber = "SLW8113";
    public const string InvalidChoice = "SLW8114";
    public const string InputsWithoutDispatch = "SLW8115";
}
