using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;

namespace Slipway.Core.Runtime.Reporting;

/// <summary>
/// Collects a run's events into a <see cref="RunReport"/>. Events are rare next to log lines, so one
/// lock is enough; log lines are ignored. Texts are masked again when the report is built, with every
/// secret known by then (a value registered as secret late in the run is masked everywhere).
/// </summary>
internal sealed partial class RunReportBuilder(Func<string, string>? mask = null) : IRunEventSink
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TimelineNode, Entry> _entries = [];
    private readonly List<Entry> _stages = [];
    private readonly List<(TimelineNode? Node, IssueRaised Issue)> _issues = [];
    private readonly List<TestResultsPublished> _tests = [];
    private readonly List<CoveragePublished> _coverage = [];
    private readonly List<StepSummaryAdded> _summaries = [];
    private readonly List<string> _tags = [];
    private RunStarted? _started;
    private RunCompleted? _completed;
    private string? _buildNumber;

    public void OnLogLine(in LogLine line)
    {
    }

    public void OnEvent(RunEvent runEvent)
    {
        lock (_lock)
        {
            Apply(runEvent);
        }
    }

    private void Apply(RunEvent runEvent)
    {
        switch (runEvent)
        {
            case RunStarted started:
                _started = started;
                _buildNumber = started.BuildNumber;
                break;
            case RunCompleted completed:
                _completed = completed;
                _buildNumber = completed.BuildNumber;
                break;
            case RecordStarted started:
                var entry = EntryFor(started.Node);
                entry.StartedAt ??= started.Timestamp;
                entry.LogPath = started.LogPath ?? entry.LogPath;
                break;
            case RecordCompleted completed:
                Complete(EntryFor(completed.Node), completed);
                break;
            case IssueRaised issue:
                _issues.Add((issue.Node, issue));
                break;
            case OutputSet output:
                var job = EntryFor(output.Node.Job ?? output.Node);
                job.Outputs[output.StepName + "." + output.Name] = output.IsSecret ? "***" : output.Value;
                break;
            case TestResultsPublished tests:
                _tests.Add(tests);
                break;
            case CoveragePublished coverage:
                _coverage.Add(coverage);
                break;
            case StepSummaryAdded summary:
                _summaries.Add(summary);
                break;
            case RunInfoChanged info:
                ApplyInfo(info);
                break;
        }
    }

    private static void Complete(Entry entry, RecordCompleted completed)
    {
        entry.Result = completed.Result;
        entry.FinishedAt = completed.Timestamp;
        entry.Duration = completed.Duration;
        entry.ExitCode = completed.ExitCode ?? entry.ExitCode;
        entry.Reason = completed.Reason ?? entry.Reason;
    }

    private void ApplyInfo(RunInfoChanged info)
    {
        if (info.What.Contains("number", StringComparison.OrdinalIgnoreCase))
        {
            _buildNumber = info.Value;
        }
        else if (info.What.Contains("tag", StringComparison.OrdinalIgnoreCase) && !_tags.Contains(info.Value, StringComparer.Ordinal))
        {
            _tags.Add(info.Value);
        }
    }

    private Entry EntryFor(TimelineNode node)
    {
        if (_entries.TryGetValue(node, out var existing))
        {
            return existing;
        }

        var entry = new Entry(node);
        _entries[node] = entry;
        var siblings = node.Parent is { } parent ? EntryFor(parent).Children : _stages;
        var index = siblings.FindLastIndex(s => s.Node.Order <= node.Order);
        siblings.Insert(index + 1, entry);
        return entry;
    }

    private static string SyntaxName(PipelineSyntax syntax) =>
        syntax == PipelineSyntax.GitHubActions ? "github-actions" : "azure-pipelines";

    /// <summary>The mutable record behind a stage, job or step report.</summary>
    private sealed class Entry(TimelineNode node)
    {
        public TimelineNode Node { get; } = node;

        public List<Entry> Children { get; } = [];

        public Dictionary<string, string> Outputs { get; } = new(StringComparer.OrdinalIgnoreCase);

        public DateTimeOffset? StartedAt { get; set; }

        public DateTimeOffset? FinishedAt { get; set; }

        public TimeSpan? Duration { get; set; }

        public RunResult? Result { get; set; }

        public string? Reason { get; set; }

        public int? ExitCode { get; set; }

        public string? LogPath { get; set; }
    }
}
