using Slipway.Core.Execution.Output;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.Jobs;

/// <summary>The step log as handlers see it; issues are recorded (store + events) when the step ends.</summary>
internal sealed class StepLogger(StepLog log, RunRecorder recorder, TimelineNode node, bool debug) : IStepLogger
{
    private readonly List<Task> _pending = [];
    private readonly Lock _lock = new();

    public StepLog Log { get; } = log;

    public bool IsDebugEnabled { get; } = debug;

    public int ErrorCount { get; private set; }

    public void Output(string line) => Log.WriteLine(line);

    public void Command(string line) => Log.WriteLine("##[command]" + line);

    public void Debug(string line)
    {
        if (IsDebugEnabled)
        {
            Log.WriteLine("##[debug]" + line);
        }
    }

    public void Section(string title) => Log.WriteLine("##[section]" + title);

    public void Group(string title) => Log.WriteLine("##[group]" + title);

    public void EndGroup() => Log.WriteLine("##[endgroup]");

    public void Warning(string message, string? file = null, int? line = null, int? column = null, string? code = null)
    {
        Log.WriteLine("##[warning]" + message);
        Record(IssueType.Warning, message, file, line, column, code);
    }

    public void Error(string message, string? file = null, int? line = null, int? column = null, string? code = null)
    {
        Log.WriteLine("##[error]" + message);
        Record(IssueType.Error, message, file, line, column, code);
    }

    /// <summary>Records an issue whose line was already written (logging commands write their own).</summary>
    public void Record(IssueType type, string message, string? file = null, int? line = null, int? column = null, string? code = null)
    {
        lock (_lock)
        {
            if (type == IssueType.Error)
            {
                ErrorCount++;
            }

            _pending.Add(recorder.IssueAsync(node, type, message, file, line, column, code));
        }
    }

    /// <summary>Queues other recorder work (outputs, build number) to be awaited at step end.</summary>
    public void Track(Task task)
    {
        lock (_lock)
        {
            _pending.Add(task);
        }
    }

    public async Task DrainAsync()
    {
        Task[] pending;
        lock (_lock)
        {
            pending = [.. _pending];
            _pending.Clear();
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
    }
}
