using System.Text;

namespace Slipway.Core.Planning.Rendering;

/// <summary>
/// The stage and job dependency graph as a Mermaid <c>flowchart</c>: one subgraph per stage, edges
/// from a dependency to what waits for it. Ids are positional (s1, s1_j2) so any name is safe.
/// </summary>
public static class MermaidGraph
{
    public static string Render(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sb = new StringBuilder("flowchart LR\n");
        var stageIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < plan.Stages.Count; i++)
        {
            stageIds.TryAdd(plan.Stages[i].Name, $"s{i + 1}");
        }

        for (var i = 0; i < plan.Stages.Count; i++)
        {
            AppendStage(sb, plan.Stages[i], $"s{i + 1}");
        }

        foreach (var stage in plan.Stages)
        {
            foreach (var dep in stage.DependsOn)
            {
                if (stageIds.TryGetValue(dep, out var from))
                {
                    sb.Append("  ").Append(from).Append(" --> ").Append(stageIds[stage.Name]).Append('\n');
                }
            }
        }

        return sb.ToString();
    }

    private static void AppendStage(StringBuilder sb, StagePlan stage, string id)
    {
        sb.Append("  subgraph ").Append(id).Append("[\"").Append(Label(stage.DisplayName, stage.Name)).Append("\"]\n");
        var jobIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var j = 0; j < stage.Jobs.Count; j++)
        {
            var job = stage.Jobs[j];
            var jobId = $"{id}_j{j + 1}";
            jobIds.TryAdd(job.Name, jobId);
            var (open, close) = job.Kind == JobKind.Deployment ? ("[[\"", "\"]]") : ("[\"", "\"]");
            sb.Append("    ").Append(jobId).Append(open).Append(Label(job.DisplayName, job.Name)).Append(Multiplier(job)).Append(close).Append('\n');
        }

        foreach (var job in stage.Jobs)
        {
            foreach (var dep in job.DependsOn)
            {
                if (jobIds.TryGetValue(dep, out var from))
                {
                    sb.Append("    ").Append(from).Append(" --> ").Append(jobIds[job.Name]).Append('\n');
                }
            }
        }

        sb.Append("  end\n");
    }

    private static string Multiplier(JobPlan job) => job.Strategy switch
    {
        { Matrix.Count: > 0 } s => $" ×{s.Matrix.Count}",
        { Parallel: { } n } => $" ×{n}",
        { MatrixExpression: not null } => " ×?",
        _ => string.Empty,
    };

    private static string Label(string? display, string name)
    {
        var text = string.IsNullOrEmpty(display) || display == name ? name : $"{display} ({name})";
        return text.Replace("\"", "#quot;", StringComparison.Ordinal);
    }
}
