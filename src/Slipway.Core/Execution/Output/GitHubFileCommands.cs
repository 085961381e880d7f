namespace Slipway.Core.Execution.Output;

internal enum GitHubFileCommandKind
{
    Output,
    Env,
    State,
    Path,
    StepSummary,
}

/// <summary>Pairs read from a GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE file. When the file is malformed,
/// the pairs before the bad line are kept (the runner applies them as it reads) and the step fails.</summary>
internal sealed record GitHubFileCommandResult(IReadOnlyList<KeyValuePair<string, string>> Pairs, IReadOnlyList<CommandIssue> Issues, bool FailsStep);

/// <summary>
/// GHA-FILE-1..6: the per-step command files and their formats, as actions/runner's
/// <c>FileCommandManager</c> reads them (Linux line endings: only LF ends a line).
/// </summary>
internal static class GitHubFileCommands
{
    public static readonly IReadOnlyDictionary<GitHubFileCommandKind, (string EnvName, string FilePrefix)> Files =
        new Dictionary<GitHubFileCommandKind, (string, string)>
        {
            [GitHubFileCommandKind.Env] = ("GITHUB_ENV", "set_env_"),
            [GitHubFileCommandKind.Path] = ("GITHUB_PATH", "add_path_"),
            [GitHubFileCommandKind.Output] = ("GITHUB_OUTPUT", "set_output_"),
            [GitHubFileCommandKind.State] = ("GITHUB_STATE", "save_state_"),
            [GitHubFileCommandKind.StepSummary] = ("GITHUB_STEP_SUMMARY", "step_summary_"),
        };

    private static readonly string[] EnvBlockList = ["NODE_OPTIONS"];

    /// <summary>Parses <c>NAME=VALUE</c> and <c>NAME&lt;&lt;DELIMITER</c> heredoc entries (GHA-FILE-2).</summary>
    public static GitHubFileCommandResult ParseKeyValue(string text, GitHubFileCommandKind kind)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var index = 0;
        while (ReadLine(text, ref index, out _) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var error = ParseEntry(text, line, ref index, pairs);
            if (error is not null)
            {
                return new GitHubFileCommandResult(pairs,
                [
                    CommandIssue.Error(ExecutionDiagnosticCodes.GitHubFileCommandFailed, $"Unable to process file command '{ContextName(kind)}' successfully."),
                    CommandIssue.Error(ExecutionDiagnosticCodes.GitHubFileCommandFailed, error),
                ], FailsStep: true);
            }
        }

        return new GitHubFileCommandResult(pairs, [], false);
    }

    /// <summary>GITHUB_ENV: as <see cref="ParseKeyValue"/>, but blocked names (NODE_OPTIONS) are dropped with an error (GHA-FILE-3).</summary>
    public static GitHubFileCommandResult ParseEnv(string text)
    {
        var parsed = ParseKeyValue(text, GitHubFileCommandKind.Env);
        var issues = new List<CommandIssue>(parsed.Issues);
        var kept = new List<KeyValuePair<string, string>>();
        foreach (var pair in parsed.Pairs)
        {
            var blocked = EnvBlockList.FirstOrDefault(b => string.Equals(b, pair.Key, StringComparison.OrdinalIgnoreCase));
            if (blocked is null)
            {
                kept.Add(pair);
            }
            else
            {
                issues.Add(CommandIssue.Error(ExecutionDiagnosticCodes.GitHubFileCommandBlocked, $"Can't store {blocked} output parameter using '$GITHUB_ENV' command."));
            }
        }

        return parsed with { Pairs = kept, Issues = issues };
    }

    /// <summary>GITHUB_PATH: every non-empty line, in file order (GHA-FILE-4).</summary>
    public static IReadOnlyList<string> ParsePath(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();

    /// <summary>GHA-FILE-7: the step summary is uploaded only up to 1 MiB; null when the size is fine.</summary>
    public static CommandIssue? CheckStepSummarySize(long bytes)
    {
        const long Limit = 1024 * 1024;
        return bytes <= Limit
            ? null
            : CommandIssue.Error(
                ExecutionDiagnosticCodes.GitHubFileCommandFailed,
                $"$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of {Limit / 1024}k, got {bytes / 1024}k. For more information see: https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-markdown-summary");
    }

    private static string? ParseEntry(string text, string line, ref int index, List<KeyValuePair<string, string>> pairs)
    {
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
        if (equals >= 0 && (heredoc < 0 || equals < heredoc))
        {
            // The runner checks the whole line for emptiness here, so "=value" yields an empty name.
            pairs.Add(new(line[..equals], line[(equals + 1)..]));
            return null;
        }

        if (heredoc < 0)
        {
            return $"Invalid format '{line}'";
        }

        var name = line[..heredoc];
        var delimiter = line[(heredoc + 2)..];
        if (name.Length == 0 || delimiter.Length == 0)
        {
            return $"Invalid format '{line}'. Name must not be empty and delimiter must not be empty";
        }

        var (value, error) = ReadHeredoc(text, ref index, delimiter);
        if (error is null)
        {
            pairs.Add(new(name, value));
        }

        return error;
    }

    private static (string Value, string? Error) ReadHeredoc(string text, ref int index, string delimiter)
    {
        var start = index;
        var end = index;
        var current = ReadLine(text, ref index, out var newline);
        while (!string.Equals(current, delimiter, StringComparison.Ordinal))
        {
            if (current is null)
            {
                return (string.Empty, $"Invalid value. Matching delimiter not found '{delimiter}'");
            }

            if (newline is null)
            {
                return (string.Empty, "Invalid value. EOF marker missing new line.");
            }

            end = index - newline.Length;
            current = ReadLine(text, ref index, out newline);
        }

        return (end > start ? text[start..end] : string.Empty, null);
    }

    private static string? ReadLine(string text, ref int index, out string? newline)
    {
        newline = null;
        if (index >= text.Length)
        {
            return null;
        }

        var begin = index;
        var lf = text.IndexOf('\n', index);
        if (lf < 0)
        {
            index = text.Length;
            return text[begin..];
        }

        index = lf + 1;
        newline = "\n";
        return text[begin..lf];
    }

    private static string ContextName(GitHubFileCommandKind kind) => kind switch
    {
        GitHubFileCommandKind.Env => "env",
        GitHubFileCommandKind.Path => "path",
        GitHubFileCommandKind.State => "state",
        GitHubFileCommandKind.StepSummary => "step_summary",
        _ => "output",
    };
}
