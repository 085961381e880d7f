using System.Globalization;

namespace Slipway.Core.Execution.Output.ProblemMatchers;

/// <summary>actions/runner's <c>OutputManager.ConvertToIssue</c>: a match becomes an annotation, or is skipped (with a debug message).</summary>
internal static class ProblemIssue
{
    public static GitHubAnnotation? From(ProblemMatch match, string workspace, List<CommandIssue> debug)
    {
        if (string.IsNullOrWhiteSpace(match.Message))
        {
            debug.Add(ProblemFilePath.Debug("Skipping logging an issue for the matched line because the message is empty."));
            return null;
        }

        GitHubAnnotationLevel? level = match.Severity switch
        {
            null or "" => GitHubAnnotationLevel.Error,
            _ when match.Severity.Equals("error", StringComparison.OrdinalIgnoreCase) => GitHubAnnotationLevel.Error,
            _ when match.Severity.Equals("warning", StringComparison.OrdinalIgnoreCase) => GitHubAnnotationLevel.Warning,
            _ when match.Severity.Equals("notice", StringComparison.OrdinalIgnoreCase) => GitHubAnnotationLevel.Notice,
            _ => null,
        };
        if (level is null)
        {
            debug.Add(ProblemFilePath.Debug($"Skipped logging an issue for the matched line because the severity '{match.Severity}' is not supported."));
            return null;
        }

        var line = Number(match.Line, "line", debug);
        var column = Number(match.Column, "column", debug);
        var code = string.IsNullOrWhiteSpace(match.Code) ? null : match.Code.Trim();
        var file = ProblemFilePath.Resolve(match.File, match.FromPath, workspace, debug);
        return new GitHubAnnotation(level.Value, match.Message, null, file, line, null, column, null) { Code = code };
    }

    private static int? Number(string? text, string what, List<CommandIssue> debug)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        debug.Add(ProblemFilePath.Debug($"Unable to parse {what} number '{text}'"));
        return null;
    }
}
