using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Reading;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Codes = Slipway.Core.Pipelines.GitHub.GitHubWorkflowDiagnosticCodes;

namespace Slipway.Core.Pipelines.GitHub.Conversion;

/// <summary>Converts <c>jobs</c> and checks the <c>needs</c> graph: unknown jobs, cycles, a start job.</summary>
internal static class JobsConverter
{
    public static List<WorkflowJob> Convert(TemplateToken token, WorkflowErrors errors, bool allowBackgroundSteps = false)
    {
        var mapping = token.AssertMapping("jobs");
        var jobs = new List<WorkflowJob>();
        foreach (var pair in mapping.Pairs)
        {
            var id = pair.Key.AssertString("jobs key");
            try
            {
                jobs.Add(JobConverter.Convert(id, pair.Value.AssertMapping("jobs value"), errors, allowBackgroundSteps));
            }
            catch (ConversionException e)
            {
                errors.Add(Codes.InvalidValue, e.Message, e.Token);
            }
        }

        if (errors.Count == 0)
        {
            CheckNeeds(mapping, jobs, errors);
        }

        return jobs;
    }

    private static void CheckNeeds(MappingToken mapping, List<WorkflowJob> jobs, WorkflowErrors errors)
    {
        var ready = new Queue<(string Name, List<StringToken> Needs)>();
        var waiting = new List<(string Name, List<StringToken> Needs)>();
        foreach (var job in jobs)
        {
            var node = (job.Id.Value, job.Needs.ToList());
            if (node.Item2.Count == 0)
            {
                ready.Enqueue(node);
            }
            else
            {
                waiting.Add(node);
            }
        }

        if (ready.Count == 0)
        {
            errors.Add(Codes.Needs, "The workflow must contain at least one job with no dependencies.", mapping);
            return;
        }

        while (ready.TryDequeue(out var current))
        {
            for (var i = waiting.Count - 1; i >= 0; i--)
            {
                var node = waiting[i];
                node.Needs.RemoveAll(n => string.Equals(n.Value, current.Name, StringComparison.OrdinalIgnoreCase));
                if (node.Needs.Count == 0)
                {
                    ready.Enqueue(node);
                    waiting.RemoveAt(i);
                }
            }
        }

        var names = jobs.Select(j => j.Id.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, needs) in waiting)
        {
            foreach (var need in needs)
            {
                errors.Add(Codes.Needs, names.Contains(need.Value)
                    ? $"Job '{name}' depends on job '{need.Value}' which creates a cycle in the dependency graph."
                    : $"Job '{name}' depends on unknown job '{need.Value}'.", need);
            }
        }
    }
}
