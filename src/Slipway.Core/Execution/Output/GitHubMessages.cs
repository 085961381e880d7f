namespace Slipway.Core.Execution.Output;

/// <summary>The wording actions/runner uses (Constants.Runner), so logs read the same.</summary>
internal static class GitHubMessages
{
    public const string StopTokenDisabled =
        "You cannot use a endToken that is an empty string, the string 'pause-logging', or another workflow command. For more information see: https://docs.github.com/actions/learn-github-actions/workflow-commands-for-github-actions#example-stopping-and-starting-workflow-commands or opt into insecure command execution by setting the `ACTIONS_ALLOW_UNSECURE_STOPCOMMAND_TOKENS` environment variable to `true`.";

    public const string EmptyMask = "Can't add secret mask for empty string in ##[add-mask] command.";

    public static string CommandDisabled(string command) =>
        $"The `{command}` command is disabled. Please upgrade to using Environment Files or opt into unsecure command execution by setting the `ACTIONS_ALLOW_UNSECURE_COMMANDS` environment variable to `true`. For more information see: https://github.blog/changelog/2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/";

    public static string CommandDeprecated(string command) =>
        $"The `{command}` command is deprecated and will be disabled soon. Please upgrade to using Environment Files. For more information see: https://github.blog/changelog/2022-10-11-github-actions-deprecating-save-state-and-set-output-commands/";

    public static string RequiredName(string command) => $"Required field 'name' is missing in ##[{command}] command.";
}
