using System.Globalization;
using Slipway.Core.Execution.Output;

namespace Slipway.Core.Runtime.GitHub.Jobs;

internal sealed partial class StepExecutor
{
    /// <summary>GHA-FILE-2..7: reads the step's command files once it has ended (even when it failed), as the runner's <c>FileCommandManager</c>.</summary>
    private void ProcessFileCommands(StepExecution x)
    {
        var files = x.Files;
        if (!files.Created)
        {
            return; // no process of the step started: it wrote no file commands
        }

        Report(x, GitHubFileCommands.ParseEnv(files.ReadWritten(files.Env)), x.Changes.Env.Add);
        StepResults.PrependPaths(x.Changes.Paths, GitHubFileCommands.ParsePath(files.ReadWritten(files.Path)));
        Report(x, GitHubFileCommands.ParseKeyValue(files.ReadWritten(files.Output), GitHubFileCommandKind.Output), p => x.Changes.Outputs[p.Key] = p.Value);
        Report(x, GitHubFileCommands.ParseKeyValue(files.ReadWritten(files.State), GitHubFileCommandKind.State), p => x.Changes.State[p.Key] = p.Value);
        ProcessSummary(x);
    }

    private static void Report(StepExecution x, GitHubFileCommandResult result, Action<KeyValuePair<string, string>> apply)
    {
        foreach (var pair in result.Pairs)
        {
            apply(pair);
        }

        foreach (var issue in result.Issues)
        {
            if (issue.Severity == CommandIssueSeverity.Error)
            {
                x.Log.Error(issue.Message, code: issue.Code);
            }
            else if (issue.Severity == CommandIssueSeverity.Warning)
            {
                x.Log.Warning(issue.Message, code: issue.Code);
            }
        }

        x.Changes.FailsStep |= result.FailsStep;
    }

    /// <summary>GHA-FILE-7: up to 1 MiB of Markdown, masked line by line, stored next to the step logs and announced to the views.</summary>
    private void ProcessSummary(StepExecution x)
    {
        var length = StepFiles.Length(x.Files.StepSummary);
        if (length == 0)
        {
            return;
        }

        x.Files.NoteWritten(); // not reused for a later job (see StepFiles.IsClean)

        if (GitHubFileCommands.CheckStepSummarySize(length) is { } tooLarge)
        {
            x.Log.Error(tooLarge.Message, code: tooLarge.Code);
            return;
        }

        var masker = job.Run.Masker;
        var lines = StepFiles.Read(x.Files.StepSummary).Split('\n').Select(masker.Mask);
        var markdown = string.Join('\n', lines);
        var folder = Path.Combine(job.Run.RunDirectory, "summaries");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{job.Node.RecordId}_{x.Node.RecordId}_{Guid.NewGuid():N}.md"));
        File.WriteAllText(file, markdown);
        job.Run.Events.OnEvent(new Events.StepSummaryAdded(job.Run.Time.GetUtcNow(), x.Node, markdown, file));
    }
}
