namespace Slipway.Core.Execution.Output;

internal enum CommandIssueSeverity
{
    /// <summary>Shown only when step debugging is on.</summary>
    Debug,
    Warning,
    Error,
}

/// <summary>Something a logging or workflow command asks the runner to report. The text is the
/// runner's own wording where the original runners have one, so logs read the same.</summary>
internal sealed record CommandIssue(CommandIssueSeverity Severity, string Code, string Message)
{
    public static CommandIssue Debug(string code, string message) => new(CommandIssueSeverity.Debug, code, message);

    public static CommandIssue Warning(string code, string message) => new(CommandIssueSeverity.Warning, code, message);

    public static CommandIssue Error(string code, string message) => new(CommandIssueSeverity.Error, code, message);
}
