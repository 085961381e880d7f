namespace Slipway.Core.Execution.Output;

/// <summary>
/// actions/runner's <c>ActionCommandManager</c> without side effects: recognises workflow commands
/// in output lines, tracks <c>stop-commands</c> and <c>echo</c>, and returns typed commands with the
/// runner's messages. One instance per job (the runner keeps stop state across steps). Not thread-safe:
/// feed it the lines of one step in order.
/// </summary>
internal sealed partial class GitHubCommandProcessor
{
    public const string StopCommand = "stop-commands";

    private static readonly string[] BuiltInCommands =
    [
        "set-env", "set-output", "save-state", "add-mask", "add-path", "add-matcher", "remove-matcher",
        "warning", "error", "notice", "debug", "group", "endgroup", "echo",
    ];

    private readonly GitHubCommandOptions _options;
    private readonly HashSet<string> _registered = new(StringComparer.OrdinalIgnoreCase) { StopCommand };
    private string? _stopToken;

    public GitHubCommandProcessor(GitHubCommandOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        EchoCommands = options.EchoCommands;
        foreach (var name in BuiltInCommands)
        {
            _registered.Add(name);
        }
    }

    public bool EchoCommands { get; private set; }

    public bool CommandsStopped => _stopToken is not null;

    /// <summary>Processes one line. Null when the line is plain output to print as it is.</summary>
    public GitHubCommandOutcome? ProcessLine(string line)
    {
        if (!GitHubWorkflowCommandParser.TryParse(line, _registered, out var command))
        {
            return null;
        }

        if (!_options.EnableNotice && string.Equals(command.Name, "notice", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (_stopToken is { } token)
        {
            return string.Equals(command.Name, token, StringComparison.OrdinalIgnoreCase) ? Resume(line, token) : null;
        }

        return string.Equals(command.Name, StopCommand, StringComparison.OrdinalIgnoreCase)
            ? Stop(line, command.Data)
            : Dispatch(line, command);
    }

    private GitHubCommandOutcome Resume(string line, string token)
    {
        _registered.Remove(token);
        _stopToken = null;
        return new GitHubCommandOutcome(new GitHubResumeCommands(token), line, [CommandIssue.Debug(ExecutionDiagnosticCodes.GitHubCommandDebug, "Resume processing commands")], false);
    }

    private GitHubCommandOutcome Stop(string line, string token)
    {
        var invalid = token.Length == 0 || _registered.Contains(token) || string.Equals(token, "pause-logging", StringComparison.OrdinalIgnoreCase);
        if (invalid && !_options.AllowUnsecureStopCommandTokens)
        {
            return Failed(line, line, GitHubMessages.StopTokenDisabled);
        }

        _stopToken = token;
        _registered.Add(token);
        var debug = CommandIssue.Debug(ExecutionDiagnosticCodes.GitHubCommandDebug, $"Paused processing commands until the token you called ::{StopCommand}:: with is received");
        return new GitHubCommandOutcome(new GitHubStopCommands(token, MaskToken: token.Length > 6), line, [debug], false);
    }

    private static GitHubCommandOutcome Failed(string line, string? echo, string message) => new(null, echo,
    [
        CommandIssue.Error(ExecutionDiagnosticCodes.GitHubCommandFailed, $"Unable to process command '{line}' successfully."),
        CommandIssue.Error(ExecutionDiagnosticCodes.GitHubCommandFailed, message),
    ], FailsStep: true);
}
