using Slipway.Core.Masking;
using Slipway.Core.Runs;

namespace Slipway.Core.Runtime.Events;

/// <summary>
/// Writes the timeline to the run store and publishes the same facts as events, so the store and the
/// views never disagree. Every text is masked before it is stored or published. A run without a store
/// (tests) only publishes.
/// </summary>
internal sealed class RunRecorder(RunStore? store, long runId, IRunEventSink events, SecretMasker masker, TimeProvider time)
{
    public IRunEventSink Events { get; } = events;

    public SecretMasker Masker { get; } = masker;

    public TimeProvider Time { get; } = time;

    public long RunId { get; } = runId;

    /// <summary>Creates the record (pending) and returns its node.</summary>
    public async Task<TimelineNode> AddAsync(RecordKind kind, string name, string displayName, TimelineNode? parent, int order)
    {
        var node = new TimelineNode(kind, name, Masker.Mask(displayName), parent) { Order = order };
        if (store is not null)
        {
            var id = await store.AddRecordAsync(RunId, parent?.RecordId, kind, node.Identifier, node.DisplayName, order, CancellationToken.None).ConfigureAwait(false);
            node = node with { RecordId = id };
        }

        return node;
    }

    public async Task StartAsync(TimelineNode node, string? logPath)
    {
        if (store is not null)
        {
            await store.StartRecordAsync(node.RecordId, logPath, CancellationToken.None).ConfigureAwait(false);
        }

        Events.OnEvent(new RecordStarted(Time.GetUtcNow(), node) { LogPath = logPath });
    }

    public async Task CompleteAsync(TimelineNode node, RunResult result, TimeSpan duration, int? exitCode = null, string? reason = null)
    {
        if (store is not null)
        {
            await store.CompleteRecordAsync(node.RecordId, result, exitCode, CancellationToken.None).ConfigureAwait(false);
        }

        Events.OnEvent(new RecordCompleted(Time.GetUtcNow(), node, result, duration)
        {
            ExitCode = exitCode,
            Reason = reason is null ? null : Masker.Mask(reason),
        });
    }

    public async Task IssueAsync(TimelineNode? node, IssueType type, string message, string? file = null, int? line = null, int? column = null, string? code = null)
    {
        var masked = Masker.Mask(message);
        if (store is not null)
        {
            var issue = new RunIssue(type, masked) { RecordId = node is { RecordId: > 0 } ? node.RecordId : null, File = file, Line = line, Column = column, Code = code };
            await store.AddIssueAsync(RunId, issue, CancellationToken.None).ConfigureAwait(false);
        }

        Events.OnEvent(new IssueRaised(Time.GetUtcNow(), node, type, masked) { File = file, Line = line, Column = column, Code = code });
    }

    public async Task OutputAsync(TimelineNode node, string stepName, string name, string value, bool isSecret)
    {
        var masked = isSecret ? SecretMasker.MaskText : Masker.Mask(value);
        if (store is not null)
        {
            await store.SetOutputAsync(RunId, node.RecordId, stepName + "." + name, masked, CancellationToken.None).ConfigureAwait(false);
        }

        Events.OnEvent(new OutputSet(Time.GetUtcNow(), node, stepName, name, masked, isSecret));
    }

    public async Task BuildNumberAsync(TimelineNode? node, string buildNumber)
    {
        var masked = Masker.Mask(buildNumber);
        if (store is not null)
        {
            await store.SetBuildNumberAsync(RunId, masked, CancellationToken.None).ConfigureAwait(false);
        }

        Events.OnEvent(new RunInfoChanged(Time.GetUtcNow(), node, "buildnumber", masked));
    }

    public void Info(TimelineNode? node, string what, string value) =>
        Events.OnEvent(new RunInfoChanged(Time.GetUtcNow(), node, what, Masker.Mask(value)));
}
