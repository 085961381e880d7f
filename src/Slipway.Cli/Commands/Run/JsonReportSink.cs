using System.Text.Json;
using Slipway.Core.Runtime.Events;

namespace Slipway.Cli.Commands.Run;

/// <summary>
/// A machine-readable report of the run (stages, jobs, steps, results, durations, outputs, issues),
/// written when the run completes to standard output (<c>--output json</c>) and/or a file (<c>--report</c>).
/// Every value in it is already masked.
/// </summary>
internal sealed class JsonReportSink(TextWriter? output, string? path) : IRunEventSink
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private readonly Lock _lock = new();
    private readonly List<object> _records = [];
    private readonly List<object> _issues = [];
    private readonly List<object> _outputs = [];
    private readonly List<object> _tests = [];
    private RunStarted? _started;

    public void OnLogLine(in LogLine line)
    {
    }

    public void OnEvent(RunEvent runEvent)
    {
        lock (_lock)
        {
            switch (runEvent)
            {
                case RunStarted s:
                    _started = s;
                    break;
                case RecordCompleted c:
                    _records.Add(new
                    {
                        kind = c.Node.Kind.ToString(),
                        identifier = c.Node.Identifier,
                        name = c.Node.Name,
                        displayName = c.Node.DisplayName,
                        parent = c.Node.Parent?.Identifier,
                        result = c.Result.ToString(),
                        durationSeconds = Math.Round(c.Duration.TotalSeconds, 3),
                        exitCode = c.ExitCode,
                        reason = c.Reason,
                    });
                    break;
                case IssueRaised i:
                    _issues.Add(new { type = i.Type.ToString(), record = i.Node?.Identifier, message = i.Message, file = i.File, line = i.Line, column = i.Column, code = i.Code });
                    break;
                case OutputSet o:
                    _outputs.Add(new { record = o.Node.Identifier, name = o.StepName + "." + o.Name, value = o.Value, isSecret = o.IsSecret });
                    break;
                case TestResultsPublished t:
                    _tests.Add(new { record = t.Node.Identifier, t.Summary.Title, t.Summary.Total, t.Summary.Passed, t.Summary.Failed, t.Summary.Skipped });
                    break;
                case RunCompleted c:
                    Write(c);
                    break;
            }
        }
    }

    private void Write(RunCompleted completed)
    {
        var report = new
        {
            runId = completed.RunId,
            pipeline = _started?.PipelinePath,
            buildNumber = completed.BuildNumber,
            result = completed.Result.ToString(),
            durationSeconds = Math.Round(completed.Duration.TotalSeconds, 3),
            records = _records,
            issues = _issues,
            outputs = _outputs,
            tests = _tests,
        };
        var json = JsonSerializer.Serialize(report, Options);
        if (output is not null)
        {
            output.WriteLine(json);
            output.Flush();
        }

        if (path is not null)
        {
            File.WriteAllText(path, json);
        }
    }
}
