namespace Slipway.Core.Execution.Output;

internal sealed partial class GitHubCommandProcessor
{
    private GitHubCommandOutcome Dispatch(string line, GitHubWorkflowCommand command)
    {
        var name = command.Name.ToLowerInvariant();
        var echo = EchoCommands && name != "add-mask" ? line : null;
        return name switch
        {
            "set-output" => Named(line, echo, command, (n, v) => new GitHubSetOutput(n, v), deprecated: true),
            "save-state" => Named(line, echo, command, (n, v) => new GitHubSaveState(n, v), deprecated: true),
            "set-env" => Unsecure(line, echo, command, () => Named(line, echo, command, (n, v) => new GitHubSetEnv(n, v), deprecated: false)),
            "add-path" => Unsecure(line, echo, command, () => command.Data.Length == 0
                ? Failed(line, echo, "Value cannot be null or empty. (Parameter 'path')")
                : Ok(new GitHubAddPath(command.Data), echo)),
            "add-mask" => AddMask(command),
            "debug" => Ok(new GitHubDebug(command.Data), echo),
            "warning" => Annotation(GitHubAnnotationLevel.Warning, command, echo),
            "error" => Annotation(GitHubAnnotationLevel.Error, command, echo),
            "notice" => Annotation(GitHubAnnotationLevel.Notice, command, echo),
            "group" => Ok(new GitHubGroup(command.Data), echo),
            "endgroup" => Ok(new GitHubEndGroup(), echo),
            "echo" => Echo(line, echo, command),
            "add-matcher" => command.Data.Length == 0
                ? Warn(echo, "File path must be specified.")
                : Ok(new GitHubAddMatcher(command.Data), echo),
            "remove-matcher" => RemoveMatcher(command, echo),
            _ => Warn(echo, $"Can't find command extension for ##[{command.Name}.command]."),
        };
    }

    private GitHubCommandOutcome Named(
        string line, string? echo, GitHubWorkflowCommand command, Func<string, string, GitHubCommand> create, bool deprecated)
    {
        var name = command.Property("name");
        if (string.IsNullOrEmpty(name))
        {
            return Failed(line, echo, GitHubMessages.RequiredName(command.Name.ToLowerInvariant()));
        }

        IReadOnlyList<CommandIssue> issues = deprecated && _options.WarnOnDeprecatedCommands
            ? [CommandIssue.Warning(ExecutionDiagnosticCodes.GitHubCommandDeprecated, GitHubMessages.CommandDeprecated(command.Name.ToLowerInvariant()))]
            : [];
        return new GitHubCommandOutcome(create(name, command.Data), echo, issues, false);
    }

    private GitHubCommandOutcome Unsecure(string line, string? echo, GitHubWorkflowCommand command, Func<GitHubCommandOutcome> allowed) =>
        _options.AllowUnsecureCommands ? allowed() : Failed(line, echo, GitHubMessages.CommandDisabled(command.Name.ToLowerInvariant()));

    private GitHubCommandOutcome AddMask(GitHubWorkflowCommand command)
    {
        if (string.IsNullOrWhiteSpace(command.Data))
        {
            return Warn(null, GitHubMessages.EmptyMask);
        }

        return Ok(new GitHubAddMask(command.Data), EchoCommands ? "::add-mask::***" : null);
    }

    private GitHubCommandOutcome Echo(string line, string? echo, GitHubWorkflowCommand command)
    {
        bool? enabled = command.Data.Trim().ToLowerInvariant() switch
        {
            "on" => true,
            "off" => false,
            _ => null,
        };
        if (enabled is not { } value)
        {
            return Failed(line, echo, $"Invalid echo command value. Possible values can be: 'on', 'off'. Current value is: '{command.Data}'.");
        }

        EchoCommands = value;
        return Ok(new GitHubEcho(value), echo);
    }

    private static GitHubCommandOutcome RemoveMatcher(GitHubWorkflowCommand command, string? echo)
    {
        var owner = command.Property("owner");
        var file = command.Data;
        if (!string.IsNullOrEmpty(owner) && file.Length > 0)
        {
            return Warn(echo, "Either specify an owner name or a file path in ##[remove-matcher] command. Both values cannot be set.");
        }

        return string.IsNullOrEmpty(owner) && file.Length == 0
            ? Warn(echo, "Either an owner name or a file path must be specified in ##[remove-matcher] command.")
            : Ok(new GitHubRemoveMatcher(string.IsNullOrEmpty(owner) ? null : owner, file.Length == 0 ? null : file), echo);
    }

    private static GitHubCommandOutcome Ok(GitHubCommand command, string? echo) => new(command, echo, [], false);

    private static GitHubCommandOutcome Warn(string? echo, string message) =>
        new(null, echo, [CommandIssue.Warning(ExecutionDiagnosticCodes.GitHubCommandWarning, message)], false);
}
