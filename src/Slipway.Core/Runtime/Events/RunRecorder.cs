using Slipway.Core.Masking;
using Slipway.Core.Runs;

namespace Slipway.Core.Runtime.Events;

/// <summary>
/// Writes the timeline to the run store (batched, in order, through a <see cref="TimelineWriter"/>)
/// and publishes the same facts as events, so the store and the views never disagree. Every text is
/// masked before it is stored or published. A run without a store (tests) only publishes.
/// </summary>
internal sealed class RunRecorder(TimelineWriter? writer, long runId, IRunEventSink events, SecretMasker masker, TimeProvider time)
{
    private long _localIds;

    public IRunEventSink Events { get; } = events;

    public SecretMasker Masker { get; } = masker;

    public TimeProvider Time { get; } = time;

    public long RunId { get; } = runId;

    /// <summary>The run number, as <c>build.updatebuildnumber</c> last set it (null until then).</summary>
    public string? UpdatedBuildNumber { get; private set; }

    /// <summary>Creates the record (pending) and returns its node.</summary>
    public Task<TimelineNode> AddAsync(RecordKind kind, string name, string displayName, TimelineNode? parent, int order)
    {
        var id = writer?.NextRecordId() ?? Interlocked.Increment(ref _localIds);
        var node = new TimelineNode(kind, name, Masker.Mask(displayName), parent) { Order = order, RecordId = id };
        writer?.Enqueue(new RunStoreWrite.AddRecord(id, RunId, parent?.RecordId, kind, node.Identifier, node.DisplayName, order));
        return Task.FromResult(node);
    }

    public Task StartAsync(TimelineNode node, string? logPath)
    {
        writer?.Enqueue(new RunStoreWrite.StartRecord(node.RecordId, logPath, writer.Now()));
        Events.OnEvent(new RecordStarted(Time.GetUtcNow(), node) { LogPath = logPath });
        return Task.CompletedTask;
    }

    public Task CompleteAsync(TimelineNode node, RunResult result, TimeSpan duration, int? exitCode = null, string? reason = null)
    {
        writer?.Enqueue(new RunStoreWrite.CompleteRecord(node.RecordId, result, exitCode, writer.Now()));
        Events.OnEvent(new RecordCompleted(Time.GetUtcNow(), node, result, duration)
        {
            ExitCode = exitCode,
            Reason = reason is null ? null : Masker.Mask(reason),
        });
        return Task.CompletedTask;
    }

    public Task IssueAsync(TimelineNode? node, IssueType type, string message, string? file = null, int? line = null, int? column = null, string? code = null)
    {
        var masked = Masker.Mask(message);
        var recordId = node is { RecordId: > 0 } ? node.RecordId : (long?)null;
        writer?.Enqueue(new RunStoreWrite.AddIssue(RunId, new RunIssue(type, masked) { RecordId = recordId, File = file, Line = line, Column = column, Code = code }));
        Events.OnEvent(new IssueRaised(Time.GetUtcNow(), node, type, masked) { File = file, Line = line, Column = column, Code = code });
        return Task.CompletedTask;
    }

    public Task OutputAsync(TimelineNode node, string stepName, string name, string value, bool isSecret)
    {
        var masked = isSecret ? SecretMasker.MaskText : Masker.Mask(value);
        writer?.Enqueue(new RunStoreWrite.SetOutput(RunId, node.RecordId, stepName + "." + name, masked));
        Events.OnEvent(new OutputSet(Time.GetUtcNow(), node, stepName, name, masked, isSecret));
        return Task.CompletedTask;
    }

    public Task BuildNumberAsync(TimelineNode? node, string buildNumber)
    {
        var masked = Masker.Mask(buildNumber);
        UpdatedBuildNumber = masked;
        writer?.Enqueue(new RunStoreWrite.SetBuildNumber(RunId, masked));
        Events.OnEvent(new RunInfoChanged(Time.GetUtcNow(), node, "buildnumber", masked));
        return Task.CompletedTask;
    }

    public void Info(TimelineNode? node, string what, string value) =>
        Events.OnEvent(new RunInfoChanged(Time.GetUtcNow(), node, what, Masker.Mask(value)));
}
