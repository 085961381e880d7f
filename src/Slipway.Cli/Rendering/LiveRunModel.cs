using System.Collections.Concurrent;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;

namespace Slipway.Cli.Rendering;

/// <summary>
/// What the live view shows: stages and jobs (pending ones taken from the plan), their states, the
/// running step and the last lines of each job. Events change it under one lock (they are rare);
/// log lines go straight to the job's <see cref="LineTail"/> without it.
/// </summary>
internal sealed partial class LiveRunModel
{
    private readonly ConcurrentDictionary<TimelineNode, LiveJob> _jobsByNode = new(ReferenceEqualityComparer.Instance);

    public Lock Gate { get; } = new();

    public List<LiveStage> Stages { get; } = [];

    /// <summary>True when the pipeline has only the implicit stage: jobs are shown without a stage line.</summary>
    public bool SingleStage { get; private set; }

    public long RunId { get; private set; }

    public string? Pipeline { get; private set; }

    public RunResult? Result { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public void AddLine(in LogLine line)
    {
        if (!_jobsByNode.TryGetValue(line.Node, out var job))
        {
            job = JobForLine(line.Node);
            if (job is null)
            {
                return;
            }
        }

        switch (line.Kind)
        {
            case LogLineKind.Output:
            case LogLineKind.Section:
            case LogLineKind.Group:
                job.Tail.Add(line.Text);
                break;
            case LogLineKind.Command:
                job.Tail.Add("$ " + line.Text);
                break;
            case LogLineKind.Warning:
                job.Tail.Add("warning: " + line.Text);
                break;
            case LogLineKind.Error:
                job.Tail.Add("error: " + line.Text);
                break;
        }
    }

    /// <summary>The job of a node (for the failure excerpts of the summary).</summary>
    public LiveJob? FindJob(string identifier)
    {
        lock (Gate)
        {
            return Stages.SelectMany(s => s.Jobs).FirstOrDefault(j => j.Node is { } n && string.Equals(n.Identifier, identifier, StringComparison.OrdinalIgnoreCase));
        }
    }

    private LiveJob? JobForLine(TimelineNode node)
    {
        if (node.Job is not { } jobNode)
        {
            return null;
        }

        lock (Gate)
        {
            var job = JobFor(jobNode);
            _jobsByNode.TryAdd(node, job);
            return job;
        }
    }
}
