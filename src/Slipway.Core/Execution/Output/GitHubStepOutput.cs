using Slipway.Core.Execution.Output.ProblemMatchers;
using Slipway.Core.Masking;

namespace Slipway.Core.Execution.Output;

/// <summary>
/// GitHub Actions: workflow commands are processed; only their echo (if any) is printed (GHA-CMD-1..6).
/// Plain lines go through the job's problem matchers (<paramref name="matchers"/>), as actions/runner's
/// <c>OutputManager</c> does: a matched line is logged as its annotation's level and becomes an annotation.
/// </summary>
internal sealed class GitHubStepOutput(
    StepLog log, SecretMasker masker, GitHubCommandProcessor processor, Action<GitHubCommand> apply, bool writeDebug = false, ProblemMatcherScanner? matchers = null)
    : StepOutput(log, masker, writeDebug)
{
    public override void OnLine(string line)
    {
        if (processor.ProcessLine(line) is not { } outcome)
        {
            Plain(line);
            return;
        }

        switch (outcome.Command)
        {
            case GitHubAddMask mask:
                Masker.AddValue(mask.Value);
                break;
            case GitHubStopCommands { MaskToken: true } stop:
                Masker.AddValue(stop.Token);
                break;
        }

        if (outcome.Echo is { } echo)
        {
            Log.WriteLine(echo);
        }

        if (outcome.Command is { } command)
        {
            WriteDecoration(command);
            Matchers(line, command);
            apply(command);
        }

        FailsStep |= outcome.FailsStep;
        Report(outcome.Issues);
    }

    private void Plain(string line)
    {
        if (matchers is null || matchers.IsEmpty)
        {
            Log.WriteLine(line);
            return;
        }

        var issues = new List<CommandIssue>();
        if (matchers.Scan(line, issues) is { } problem)
        {
            Log.WriteLine($"##[{Level(problem.Annotation)}]{problem.Line}");
            apply(problem.Annotation);
        }
        else
        {
            Log.WriteLine(line);
        }

        Report(issues);
    }

    private void Matchers(string line, GitHubCommand command)
    {
        if (matchers is null || command is not (GitHubAddMatcher or GitHubRemoveMatcher))
        {
            return;
        }

        var issues = new List<CommandIssue>();
        var ok = command is GitHubAddMatcher add
            ? matchers.Add(line, add.Path, issues)
            : matchers.Remove(line, ((GitHubRemoveMatcher)command).Owner, ((GitHubRemoveMatcher)command).File, issues);
        FailsStep |= !ok;
        Report(issues);
    }

    private static string Level(GitHubAnnotation annotation) => annotation.Level.ToString().ToLowerInvariant();

    // How actions/runner renders these commands in the step log.
    private void WriteDecoration(GitHubCommand command)
    {
        var text = command switch
        {
            GitHubAnnotation a => $"##[{Level(a)}]{a.Message}",
            GitHubDebug d when WriteDebug => "##[debug]" + d.Message,
            GitHubGroup g => "##[group]" + g.Title,
            GitHubEndGroup => "##[endgroup]",
            _ => null,
        };
        if (text is not null)
        {
            Log.WriteLine(text);
        }
    }
}
