namespace Slipway.Core.Execution.Output.ProblemMatchers;

/// <summary>
/// The runner's rules for a matched <c>file</c>: rooted on the directory of <c>fromPath</c> when given,
/// else on the workspace; normalised; kept only when the file exists and lies under the workspace, and
/// then reported relative to it with <c>/</c> separators.
/// </summary>
internal static class ProblemFilePath
{
    public static string? Resolve(string? file, string? fromPath, string workspace, List<CommandIssue> debug)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return null;
        }

        try
        {
            var path = file;
            if (!string.IsNullOrWhiteSpace(fromPath) && !Path.IsPathFullyQualified(path) && Path.GetDirectoryName(fromPath) is { Length: > 0 } from)
            {
                path = Path.Combine(from, path);
            }

            if (!Path.IsPathFullyQualified(path))
            {
                path = Path.Combine(workspace, path);
            }

            path = Path.GetFullPath(path);
            if (!File.Exists(path))
            {
                debug.Add(Debug($"Dropping file value '{path}'. Path does not exist"));
                return null;
            }

            var relative = Path.GetRelativePath(Path.GetFullPath(workspace), path);
            if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathFullyQualified(relative))
            {
                debug.Add(Debug($"Dropping file value '{path}'. Path is not under the workflow repo."));
                return null;
            }

            return relative.Replace(Path.DirectorySeparatorChar, '/');
        }
        catch (Exception e) when (e is ArgumentException or IOException or NotSupportedException)
        {
            debug.Add(Debug($"Dropping file value '{file}' and fromPath value '{fromPath}'. Exception during validation: {e.Message}"));
            return null;
        }
    }

    internal static CommandIssue Debug(string message) => CommandIssue.Debug(ProblemMatcherDiagnosticCodes.MatcherDebug, message);
}
