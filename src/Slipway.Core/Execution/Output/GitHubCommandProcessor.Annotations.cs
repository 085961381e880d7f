using System.Globalization;

namespace Slipway.Core.Execution.Output;

internal sealed partial class GitHubCommandProcessor
{
    /// <summary>The runner's line/column rules for annotations; an inconsistent combination drops the
    /// offending fields with a debug message instead of failing.</summary>
    private static GitHubCommandOutcome Annotation(GitHubAnnotationLevel level, GitHubWorkflowCommand command, string? echo)
    {
        var issues = new List<CommandIssue>();
        var line = Int(command.Property("line"));
        var endLine = Int(command.Property("endLine"));
        var col = Int(command.Property("col"));
        var endCol = Int(command.Property("endColumn"));
        var what = $"Invalid {command.Name.ToLowerInvariant()} command value.";

        if (endLine is not null && line is null)
        {
            issues.Add(Debug($"{what} 'endLine' can only be set if 'line' is provided"));
            line = endLine;
        }

        if (endCol is not null && col is null)
        {
            issues.Add(Debug($"{what} 'endColumn' can only be set if 'col' is provided"));
            col = endCol;
        }

        if (line is null && (col is not null || endCol is not null))
        {
            issues.Add(Debug($"{what} 'col' and 'endColumn' can only be set if 'line' is provided"));
            (col, endCol) = (null, null);
        }

        endLine ??= line;
        (line, endLine, col, endCol) = CheckRanges(what, line, endLine, col, endCol, issues);
        var annotation = new GitHubAnnotation(level, command.Data, command.Property("title"), command.Property("file"), line, endLine, col, endCol);
        return new GitHubCommandOutcome(annotation, echo, issues, false);
    }

    private static (int?, int?, int?, int?) CheckRanges(string what, int? line, int? endLine, int? col, int? endCol, List<CommandIssue> issues)
    {
        if ((col is not null || endCol is not null) && line != endLine)
        {
            issues.Add(Debug($"{what} 'col' and 'endColumn' cannot be set if 'line' and 'endLine' are different values."));
            (col, endCol) = (null, null);
        }

        if (line is not null && endLine < line)
        {
            issues.Add(Debug($"{what} 'endLine' cannot be less than 'line'."));
            (line, endLine, col, endCol) = (null, null, null, null);
        }

        if (col is not null && endCol < col)
        {
            issues.Add(Debug($"{what} 'endColumn' cannot be less than 'col'."));
            (col, endCol) = (null, null);
        }

        return (line, endLine, col, endCol);
    }

    private static CommandIssue Debug(string message) => CommandIssue.Debug(ExecutionDiagnosticCodes.GitHubCommandDebug, message);

    private static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
