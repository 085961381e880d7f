namespace Slipway.Core.Execution.Output.ProblemMatchers;

internal sealed partial class ProblemMatcherScanner
{
    /// <summary><c>::add-matcher::PATH</c>: PATH rooted on the workspace; a bad file fails the step with the runner's messages.</summary>
    public bool Add(string commandLine, string path, List<CommandIssue> issues)
    {
        var file = Root(path);
        var result = ProblemMatcherFile.Read(file, _timeout);
        if (result.Error is { } error)
        {
            issues.Add(CommandIssue.Error(ProblemMatcherDiagnosticCodes.InvalidMatcherFile, $"Unable to process command '{commandLine}' successfully."));
            issues.Add(CommandIssue.Error(ProblemMatcherDiagnosticCodes.InvalidMatcherFile, error));
            return false;
        }

        if (result.Matchers.Count == 0)
        {
            return true;
        }

        _job.Add(result.Matchers);

        // The runner prepends each added matcher in turn to the running step's list.
        foreach (var matcher in result.Matchers)
        {
            _runs = [new ProblemMatcherRun(matcher), .. _runs.Where(r => !string.Equals(r.Owner, matcher.Owner, StringComparison.OrdinalIgnoreCase))];
        }

        var owners = string.Join(", ", result.Matchers.Select(m => $"'{m.Owner}'"));
        issues.Add(ProblemFilePath.Debug($"Added matchers: {owners}. Problem matchers scan action output for known warning or error strings and report these inline."));
        return true;
    }

    /// <summary><c>::remove-matcher owner=NAME::</c> or <c>::remove-matcher::PATH</c> (the owners in that file).</summary>
    public bool Remove(string commandLine, string? owner, string? path, List<CommandIssue> issues)
    {
        IReadOnlyList<string> owners;
        if (!string.IsNullOrEmpty(owner))
        {
            owners = [owner];
        }
        else
        {
            var result = ProblemMatcherFile.Read(Root(path!), _timeout);
            if (result.Error is { } error)
            {
                issues.Add(CommandIssue.Error(ProblemMatcherDiagnosticCodes.InvalidMatcherFile, $"Unable to process command '{commandLine}' successfully."));
                issues.Add(CommandIssue.Error(ProblemMatcherDiagnosticCodes.InvalidMatcherFile, error));
                return false;
            }

            owners = [.. result.Matchers.Select(m => m.Owner)];
        }

        if (owners.Count == 0)
        {
            return true;
        }

        var removed = _job.Remove(owners);
        _runs.RemoveAll(r => owners.Contains(r.Owner, StringComparer.OrdinalIgnoreCase));
        issues.Add(ProblemFilePath.Debug($"Removed matchers: {string.Join(", ", removed.Select(o => $"'{o}'"))}"));
        return true;
    }

    private string Root(string path) => Path.IsPathRooted(path) ? path : Path.Combine(_workspace, path);
}
