using Slipway.Core.Planning;
using Slipway.Core.Runs;

namespace Slipway.Core.Runtime.Orchestration;

/// <summary>
/// <c>--stage</c> and <c>--job</c>: what is outside the selection is reported as skipped, its outputs
/// are empty, and it does not count against the default conditions of what depends on it.
/// </summary>
internal sealed class Selection(Plan plan, RunOptions options)
{
    public bool IsStageSelected(string stageName)
    {
        var stage = plan.Stages.FirstOrDefault(s => string.Equals(s.Name, stageName, StringComparison.OrdinalIgnoreCase));
        return stage is null || StageSkipReason(stage) is null;
    }

    public (RunResult Result, string Reason)? StageSkipReason(StagePlan stage)
    {
        if (options.Stages.Count > 0 && !options.Stages.Any(s => string.Equals(s, stage.Name, StringComparison.OrdinalIgnoreCase)))
        {
            return (RunResult.Skipped, "Not selected by --stage; its outputs are empty.");
        }

        if (options.Jobs.Count > 0 && !stage.Jobs.Any(j => IsJobSelected(stage, j)))
        {
            return (RunResult.Skipped, "No job of this stage is selected by --job; its outputs are empty.");
        }

        return null;
    }

    public bool IsJobSelected(StagePlan stage, JobPlan job) =>
        options.Jobs.Count == 0 || options.Jobs.Any(j =>
            string.Equals(j, job.Name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(j, stage.Name + "." + job.Name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Names given to --stage/--job that match nothing (the command reports them as usage errors).</summary>
    public IEnumerable<string> Unmatched()
    {
        foreach (var s in options.Stages.Where(s => !plan.Stages.Any(p => string.Equals(p.Name, s, StringComparison.OrdinalIgnoreCase))))
        {
            yield return "--stage " + s;
        }

        foreach (var j in options.Jobs.Where(j => !plan.Stages.Any(s => s.Jobs.Any(x => IsMatch(s, x, j)))))
        {
            yield return "--job " + j;
        }
    }

    private static bool IsMatch(StagePlan stage, JobPlan job, string name) =>
        string.Equals(name, job.Name, StringComparison.OrdinalIgnoreCase) || string.Equals(name, stage.Name + "." + job.Name, StringComparison.OrdinalIgnoreCase);
}
