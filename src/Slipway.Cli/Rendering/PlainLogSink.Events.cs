using System.Globalization;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;

namespace Slipway.Cli.Rendering;

internal sealed partial class PlainLogSink
{
    public void OnEvent(RunEvent runEvent)
    {
        switch (runEvent)
        {
            case RunStarted started:
                WriteRunLine(string.Create(CultureInfo.InvariantCulture, $"Run {started.RunId}: {started.PipelinePath} (build {started.BuildNumber})"));
                break;
            case RecordStarted { Node.Kind: RecordKind.Stage } stage:
                if (!IsImplicit(stage.Node))
                {
                    WriteRunLine(StagePrefix(stage.Node) + "##[section]Starting: " + stage.Node.DisplayName);
                }

                break;
            case RecordStarted { Node.Kind: RecordKind.Job } started:
                Buffer(started.Node).Append("##[section]", "Starting: " + started.Node.DisplayName);
                break;
            case RecordCompleted completed:
                OnCompleted(completed);
                break;
            case IssueRaised { Node: null } issue:
                WriteRunLine(Tag(issue.Type == IssueType.Error ? LogLineKind.Error : LogLineKind.Warning) + issue.Message);
                break;
            case RunInfoChanged info when info.What.Contains("number", StringComparison.OrdinalIgnoreCase):
                WriteRunLine("Build number: " + info.Value);
                break;
            case RunCompleted:
                FlushAll();
                break;
        }
    }

    /// <summary>Stages and jobs close with <c>##[section]Finishing: Name (result)</c>; a step's own log
    /// already opens and closes with Azure's section lines, so it gets one result line.</summary>
    private void OnCompleted(RecordCompleted completed)
    {
        var node = completed.Node;
        if (node.Kind == RecordKind.Stage)
        {
            if (!IsImplicit(node))
            {
                WriteRunLine(StagePrefix(node) + Tagged(completed, Finished(completed)));
            }

            return;
        }

        var buffer = Buffer(node);
        var text = node.Kind == RecordKind.Step && completed.Result != RunResult.Skipped ? node.DisplayName + ": " + Details(completed) : Finished(completed);
        buffer.Append(node.Kind == RecordKind.Step ? string.Empty : Tagged(completed, string.Empty), text);
        buffer.Flush();
        WriteOut(static w => w.Flush());
    }

    private static string Tagged(RecordCompleted completed, string text) =>
        completed.Result == RunResult.Skipped ? text : "##[section]" + text;

    /// <summary><c>Finishing: Build (Failed in 1.2s)</c>, or <c>Skipped: Build (reason)</c> for a record that never ran.</summary>
    internal static string Finished(RecordCompleted completed)
    {
        var name = completed.Node.DisplayName;
        if (completed.Result == RunResult.Skipped)
        {
            return completed.Reason is { Length: > 0 } why ? $"Skipped: {name} ({why})" : $"Skipped: {name}";
        }

        return $"Finishing: {name} ({Details(completed)})";
    }

    /// <summary><c>Failed in 1.2s, exit code 2 - reason</c>: the exit code when it says something, the reason when it did not succeed.</summary>
    internal static string Details(RecordCompleted completed)
    {
        var details = ResultText(completed.Result) + " in " + Durations.Format(completed.Duration);
        if (completed.ExitCode is { } code && (code != 0 || completed.Result == RunResult.Failed))
        {
            details += string.Create(CultureInfo.InvariantCulture, $", exit code {code}");
        }

        if (completed.Result != RunResult.Succeeded && completed.Reason is { Length: > 0 } reason)
        {
            details += " - " + reason;
        }

        return details;
    }

    internal static string ResultText(RunResult result) => result switch
    {
        RunResult.SucceededWithIssues => "Succeeded with issues",
        _ => result.ToString(),
    };

    private JobBuffer Buffer(TimelineNode node) => _buffers.TryGetValue(node, out var buffer) ? buffer : BufferFor(node);

    private static string StagePrefix(TimelineNode stage) => "[" + stage.DisplayName + "] ";

    /// <summary>A line of the run itself: everything buffered goes first, so the order stays readable.</summary>
    private void WriteRunLine(string line)
    {
        FlushAll();
        WriteOut(w =>
        {
            w.Write(line);
            w.Write('\n');
            w.Flush();
        });
    }
}
