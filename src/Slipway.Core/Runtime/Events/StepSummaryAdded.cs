namespace Slipway.Core.Runtime.Events;

/// <summary>A step wrote Markdown to <c>GITHUB_STEP_SUMMARY</c> (GHA-FILE-7): masked, and stored in <see cref="Path"/> under the run folder.</summary>
internal sealed record StepSummaryAdded(DateTimeOffset Timestamp, TimelineNode Node, string Markdown, string Path) : RunEvent(Timestamp);
