using Slipway.Core.Runtime.Steps.Scripts;

namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>
/// How a <c>run</c> step's script is started (GHA-STEP-4, RUN <c>ScriptHandler</c>/<c>ScriptHandlerHelpers</c>):
/// the shell program found on the step's PATH, the argument format with <c>{0}</c> for the script file,
/// the file extension, and the fix-ups of the script's text.
/// </summary>
internal sealed record ScriptShell(string Name, string Program, string ArgumentFormat)
{
    public const string InvalidShellMessage =
        "Invalid shell option. Shell must be a valid built-in (bash, sh, cmd, powershell, pwsh) or a format string containing '{0}'";

    private static readonly Dictionary<string, string> DefaultArguments = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cmd"] = "/D /E:ON /V:OFF /S /C \"CALL \"{0}\"\"",
        ["pwsh"] = "-command \". '{0}'\"",
        ["powershell"] = "-command \". '{0}'\"",
        ["bash"] = "--noprofile --norc -e -o pipefail {0}",
        ["sh"] = "-e {0}",
        ["python"] = "{0}",
    };

    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cmd"] = ".cmd",
        ["pwsh"] = ".ps1",
        ["powershell"] = ".ps1",
        ["bash"] = ".sh",
        ["sh"] = ".sh",
        ["python"] = ".py",
    };

    /// <summary>The <c>shell:</c> line the runner prints: <c>/usr/bin/bash -e {0}</c>.</summary>
    public string Display => $"{Program} {ArgumentFormat}";

    public string Extension => Extensions.GetValueOrDefault(Name, string.Empty);

    /// <summary>
    /// Resolves <paramref name="shell"/> (null: the default, <c>bash -e {0}</c>, else <c>sh -e {0}</c>).
    /// <paramref name="which"/> finds a program on the step's PATH. Returns the shell, or an error and its code.
    /// </summary>
    public static (ScriptShell? Shell, string? Error, string? Code) Resolve(string? shell, Func<string, string?> which)
    {
        ArgumentNullException.ThrowIfNull(which);
        if (string.IsNullOrEmpty(shell))
        {
            var program = which("bash") ?? which("sh");
            return program is null
                ? (null, "sh: command not found. A 'run' step without 'shell' needs bash or sh on the PATH.", JobRunnerDiagnosticCodes.ShellNotFound)
                : (new ScriptShell("sh", program, DefaultArguments["sh"]), null, null);
        }

        var parts = shell.Split(' ', 2);
        var name = parts[0];
        var format = parts.Length == 2 ? parts[1].TrimStart() : string.Empty;
        if (which(name) is not { } path)
        {
            return (null, NotFound(name), JobRunnerDiagnosticCodes.ShellNotFound);
        }

        if (format.Length == 0)
        {
            format = DefaultArguments.GetValueOrDefault(name, string.Empty);
        }

        return format.Contains("{0}", StringComparison.Ordinal)
            ? (new ScriptShell(name, path, format), null, null)
            : (null, InvalidShellMessage, JobRunnerDiagnosticCodes.InvalidShell);
    }

    /// <summary>The arguments with <c>{0}</c> replaced by the script path (a quote in the path is escaped, as the runner does).</summary>
    public IReadOnlyList<string> Arguments(string scriptPath) =>
        ScriptFile.SplitArguments(ArgumentFormat.Replace("{0}", scriptPath.Replace("\"", "\\\"", StringComparison.Ordinal), StringComparison.Ordinal));

    /// <summary>PowerShell stops on the first error and exits with the last native exit code; cmd does not echo.</summary>
    public string FixUp(string contents) => Name.ToLowerInvariant() switch
    {
        "cmd" => "@echo off" + System.Environment.NewLine + contents,
        "pwsh" or "powershell" => "$ErrorActionPreference = 'stop'" + System.Environment.NewLine + contents + System.Environment.NewLine +
            @"if ((Test-Path -LiteralPath variable:\LASTEXITCODE)) { exit $LASTEXITCODE }",
        _ => contents,
    };

    /// <summary>Finds <paramref name="program"/> as the runner's <c>WhichUtil</c> does: a path as is, else each PATH entry.</summary>
    public static string? Which(string program, string? path)
    {
        if (program.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(program) ? Path.GetFullPath(program) : null;
        }

        return Execution.Processes.PathLookup.Find(program, path);
    }

    private static string NotFound(string name) => name.ToLowerInvariant() switch
    {
        "pwsh" => "pwsh: command not found. 'shell: pwsh' needs PowerShell 7 (pwsh) on the PATH; install it, or use another shell.",
        "powershell" => "powershell: command not found. 'shell: powershell' is Windows PowerShell, which only exists on Windows; use 'shell: pwsh' with PowerShell 7 installed.",
        "cmd" => "cmd: command not found. 'shell: cmd' only exists on Windows runners.",
        "python" => "python: command not found. 'shell: python' needs 'python' on the PATH.",
        _ => $"{name}: command not found",
    };
}
