using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;

namespace Slipway.Cli.Rendering;

internal sealed partial class LiveRunModel
{
    public void Apply(RunEvent runEvent)
    {
        lock (Gate)
        {
            switch (runEvent)
            {
                case RunStarted started:
                    OnRunStarted(started);
                    break;
                case RunCompleted completed:
                    Result = completed.Result;
                    break;
                case RecordStarted started:
                    OnRecordStarted(started);
                    break;
                case RecordCompleted completed:
                    OnRecordCompleted(completed);
                    break;
                case IssueRaised { Node.Job: { } node } issue:
                    var job = JobFor(node);
                    job.Errors += issue.Type == IssueType.Error ? 1 : 0;
                    job.Warnings += issue.Type == IssueType.Warning ? 1 : 0;
                    break;
            }
        }
    }

    private void OnRunStarted(RunStarted started)
    {
        RunId = started.RunId;
        Pipeline = started.PipelinePath;
        StartedAt = started.Timestamp;
        SingleStage = started.Plan.Stages is [{ IsImplicit: true }] || started.Plan.Stages is [{ Name: "__default" }];
        for (var s = 0; s < started.Plan.Stages.Count; s++)
        {
            var plan = started.Plan.Stages[s];
            var stage = new LiveStage(plan.Name, plan.DisplayName ?? plan.Name, s);
            for (var j = 0; j < plan.Jobs.Count; j++)
            {
                var jobPlan = plan.Jobs[j];
                stage.Jobs.Add(new LiveJob(stage, jobPlan.Name, jobPlan.DisplayName ?? jobPlan.Name, j));
            }

            Stages.Add(stage);
        }
    }

    private void OnRecordStarted(RecordStarted started)
    {
        var node = started.Node;
        switch (node.Kind)
        {
            case RecordKind.Stage:
                StageFor(node).Start(started.Timestamp);
                break;
            case RecordKind.Job:
                JobFor(node).Start(started.Timestamp);
                break;
            case RecordKind.Step when node.Parent is { } parent:
                var job = JobFor(parent);
                job.Start(started.Timestamp);
                job.CurrentStep = node.DisplayName;
                break;
        }
    }

    private void OnRecordCompleted(RecordCompleted completed)
    {
        var node = completed.Node;
        switch (node.Kind)
        {
            case RecordKind.Stage:
                StageFor(node).Complete(completed);
                break;
            case RecordKind.Job:
                var job = JobFor(node);
                job.Complete(completed);
                job.CurrentStep = null;
                break;
            case RecordKind.Step when node.Parent is { } parent:
                var owner = JobFor(parent);
                if (ReferenceEquals(owner.CurrentStep, node.DisplayName))
                {
                    owner.CurrentStep = null;
                }

                break;
        }
    }

    private LiveStage StageFor(TimelineNode node)
    {
        var stage = Stages.Find(s => ReferenceEquals(s.Node, node))
            ?? Stages.Find(s => s.Node is null && string.Equals(s.Name, node.Name, StringComparison.OrdinalIgnoreCase));
        if (stage is null)
        {
            stage = new LiveStage(node.Name, node.DisplayName, node.Order);
            var index = Stages.FindLastIndex(s => s.Order <= node.Order);
            Stages.Insert(index + 1, stage);
        }

        stage.Node = node;
        stage.DisplayName = node.DisplayName;
        return stage;
    }

    /// <summary>The row of a job node: the plan's placeholder of the same name, a new row after the
    /// placeholder a matrix leg or slice comes from (which is then hidden), or a new row.</summary>
    private LiveJob JobFor(TimelineNode node)
    {
        if (_jobsByNode.TryGetValue(node, out var known))
        {
            return known;
        }

        var stage = StageFor(node.Stage);
        var job = stage.Jobs.Find(j => j.Node is null && string.Equals(j.Name, node.Name, StringComparison.OrdinalIgnoreCase));
        if (job is null)
        {
            job = new LiveJob(stage, node.Name, node.DisplayName, node.Order);
            var origin = stage.Jobs.FindIndex(j => j.Node is null && IsLegOf(node.Name, j.Name));
            if (origin >= 0)
            {
                stage.Jobs[origin].Hidden = true;
                var last = stage.Jobs.FindLastIndex(j => j.Node is { } n && IsLegOf(n.Name, stage.Jobs[origin].Name));
                stage.Jobs.Insert(Math.Max(origin, last) + 1, job);
            }
            else
            {
                stage.Jobs.Add(job);
            }
        }

        job.Node = node;
        job.DisplayName = node.DisplayName;
        _jobsByNode[node] = job;
        return job;
    }

    private static bool IsLegOf(string name, string jobName) =>
        name.Length > jobName.Length + 1 && name.StartsWith(jobName, StringComparison.OrdinalIgnoreCase) && name[jobName.Length] is '.' or '_';
}
