namespace Slipway.Core.Execution.Output;

internal enum GitHubAnnotationLevel
{
    Notice,
    Warning,
    Error,
}

/// <summary>A workflow command the runner has to apply (GHA-CMD-1..6).</summary>
internal abstract record GitHubCommand;

internal sealed record GitHubSetOutput(string Name, string Value) : GitHubCommand;

internal sealed record GitHubSaveState(string Name, string Value) : GitHubCommand;

/// <summary>Only produced when unsecure commands are allowed (GHA-CMD-5).</summary>
internal sealed record GitHubSetEnv(string Name, string Value) : GitHubCommand;

/// <summary>Only produced when unsecure commands are allowed (GHA-CMD-5).</summary>
internal sealed record GitHubAddPath(string Path) : GitHubCommand;

/// <summary>GHA-CMD-3; register with the masker (which also registers each line).</summary>
internal sealed record GitHubAddMask(string Value) : GitHubCommand;

internal sealed record GitHubDebug(string Message) : GitHubCommand;

/// <summary>GHA-CMD-2 annotation, after the runner's line/column validation.</summary>
internal sealed record GitHubAnnotation(
    GitHubAnnotationLevel Level, string Message, string? Title, string? File, int? Line, int? EndLine, int? Column, int? EndColumn) : GitHubCommand
{
    /// <summary>The code a problem matcher captured (e.g. <c>CS0168</c>, <c>no-unused-vars</c>).</summary>
    public string? Code { get; init; }
}

internal sealed record GitHubGroup(string Title) : GitHubCommand;

internal sealed record GitHubEndGroup : GitHubCommand;

internal sealed record GitHubEcho(bool Enabled) : GitHubCommand;

internal sealed record GitHubAddMatcher(string Path) : GitHubCommand;

/// <summary>Exactly one of <see cref="Owner"/> and <see cref="File"/> is set (the runner rejects both or neither).</summary>
internal sealed record GitHubRemoveMatcher(string? Owner, string? File) : GitHubCommand;

/// <summary>GHA-CMD-4. <see cref="MaskToken"/>: the token is registered as a secret so it cannot be spoofed from logs.</summary>
internal sealed record GitHubStopCommands(string Token, bool MaskToken) : GitHubCommand;

internal sealed record GitHubResumeCommands(string Token) : GitHubCommand;

/// <summary>
/// What one output line yields. <see cref="Echo"/> is what to print in place of the line (null: print
/// nothing); the runner prints a line that is not a command (a null outcome) as it is.
/// </summary>
internal sealed record GitHubCommandOutcome(GitHubCommand? Command, string? Echo, IReadOnlyList<CommandIssue> Issues, bool FailsStep);

internal sealed record GitHubCommandOptions
{
    /// <summary><c>ACTIONS_ALLOW_UNSECURE_COMMANDS=true</c>: enables <c>set-env</c> and <c>add-path</c>.</summary>
    public bool AllowUnsecureCommands { get; init; }

    /// <summary><c>ACTIONS_ALLOW_UNSECURE_STOPCOMMAND_TOKENS=true</c>.</summary>
    public bool AllowUnsecureStopCommandTokens { get; init; }

    /// <summary>Echo processed commands into the log (on when step debugging is on; <c>::echo::</c> toggles it).</summary>
    public bool EchoCommands { get; init; }

    /// <summary>github.com warns that <c>set-output</c>/<c>save-state</c> are deprecated.</summary>
    public bool WarnOnDeprecatedCommands { get; init; } = true;

    /// <summary>Server feature "enhanced annotations" (<c>::notice::</c>); on for github.com.</summary>
    public bool EnableNotice { get; init; } = true;
}
