using System.Text.RegularExpressions;
using Slipway.Core.Diagnostics;
using Slipway.Core.Pipelines.Azure.Schema;
using Slipway.Core.Planning;

namespace Slipway.Core.Pipelines.Azure;

/// <summary>Checks that need the whole plan: ids (AZP-DOC-10), uniqueness, dependsOn targets and cycles (AZP-DEP-1), tasks, targets.</summary>
internal static partial class AzurePlanValidator
{
    public static void Validate(Plan plan, DiagnosticBag diagnostics, TaskCatalog? tasks, DependsOnPositions? positions = null)
    {
        var stageNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var stage in plan.Stages)
        {
            if (!stage.IsImplicit)
            {
                CheckId(stage.Name, stage.IsNameGenerated, "Stage", stage.Location, diagnostics);
            }

            if (!stageNames.Add(stage.Name))
            {
                diagnostics.Error(AzureDiagnosticCodes.DuplicateName, $"Stage '{stage.Name}' is defined more than once; stage names must be unique in the pipeline.", stage.Location);
            }

            ValidateJobs(plan, stage, diagnostics, tasks, positions);
        }

        CheckDependencies([.. plan.Stages.Select(s => (s.Name, s.DependsOn, s.Location))], "stage", "the pipeline", diagnostics, (name, dep) => positions?.Find(name, null, dep));
    }

    private static void ValidateJobs(Plan plan, StagePlan stage, DiagnosticBag diagnostics, TaskCatalog? tasks, DependsOnPositions? positions)
    {
        var jobNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var job in stage.Jobs)
        {
            if (!job.IsImplicit)
            {
                CheckId(job.Name, job.IsNameGenerated, job.Kind == JobKind.Deployment ? "Deployment" : "Job", job.Location, diagnostics);
            }

            if (job.Kind == JobKind.Deployment && string.Equals(job.Name, "deploy", StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Error(AzureDiagnosticCodes.ReservedName, "'deploy' is a reserved word and cannot be the name of a deployment job; choose another name.", job.Location);
            }

            if (!jobNames.Add(job.Name))
            {
                diagnostics.Error(AzureDiagnosticCodes.DuplicateName,
                    $"Job '{job.Name}' is defined more than once in stage '{stage.Name}'; job names must be unique in a stage.", job.Location);
            }

            foreach (var steps in StepLists(job))
            {
                ValidateSteps(plan, steps, diagnostics, tasks);
            }
        }

        CheckDependencies([.. stage.Jobs.Select(j => (j.Name, j.DependsOn, j.Location))], "job", $"stage '{stage.Name}'", diagnostics, (name, dep) => positions?.Find(stage.Name, name, dep));
    }

    private static IEnumerable<IReadOnlyList<StepPlan>> StepLists(JobPlan job) =>
        job.Deployment is null ? [job.Steps] : job.Deployment.Strategy.Hooks.Select(h => h.Steps);

    private static void ValidateSteps(Plan plan, IReadOnlyList<StepPlan> steps, DiagnosticBag diagnostics, TaskCatalog? tasks)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var step in steps)
        {
            if (!step.IsNameGenerated)
            {
                CheckId(step.Name, false, "Step", step.Location, diagnostics);
            }

            if (!names.Add(step.Name))
            {
                diagnostics.Error(AzureDiagnosticCodes.DuplicateName, $"Step name '{step.Name}' is used more than once in the job; step names must be unique in a job.", step.Location);
            }

            if (step.Keyword == "task" && tasks is not null)
            {
                TaskValidator.Validate(step, tasks, diagnostics);
            }

            CheckReferences(plan, step, diagnostics);
        }
    }

    private static void CheckReferences(Plan plan, StepPlan step, DiagnosticBag diagnostics)
    {
        if (step.Target?.Container is { } container && container != "host" && plan.Resources.FindContainer(container) is null)
        {
            diagnostics.Error(AzureDiagnosticCodes.UnknownContainer, $"The step target '{container}' is neither 'host' nor a container resource alias.", step.Target.Location);
        }

        if (step.Keyword == "checkout" && step.Input("repository") is { } repo && !IsKnownRepository(plan, repo))
        {
            diagnostics.Error(AzureDiagnosticCodes.UnknownRepository,
                $"'checkout: {repo}' names no repository: use 'self', 'none', or the alias of a repository in resources.repositories.", step.Location);
        }
    }

    private static bool IsKnownRepository(Plan plan, string repo) =>
        repo is "self" or "none" || repo.StartsWith("git://", StringComparison.Ordinal) || plan.Resources.FindRepository(repo) is not null;

    /// <summary>AZP-DOC-10: alphanumeric and '_', not starting with a number.</summary>
    private static void CheckId(string name, bool generated, string what, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (!generated && !IdPattern().IsMatch(name))
        {
            diagnostics.Error(AzureDiagnosticCodes.InvalidName,
                $"{what} name '{name}' is invalid: valid names may only contain alphanumeric characters and '_' and may not start with a number.", at);
        }
    }

    private static void CheckDependencies(
        List<(string Name, IReadOnlyList<string> DependsOn, SourceLocation Location)> nodes, string what, string scope, DiagnosticBag diagnostics, Func<string, string?, SourceLocation?> where)
    {
        var known = new HashSet<string>(nodes.Select(n => n.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var (name, deps, location) in nodes)
        {
            foreach (var dep in deps)
            {
                if (string.Equals(dep, name, StringComparison.OrdinalIgnoreCase))
                {
                    diagnostics.Error(AzureDiagnosticCodes.DependencyCycle, $"The {what} '{name}' depends on itself.", where(name, dep) ?? location);
                }
                else if (!known.Contains(dep))
                {
                    var hint = Suggest.Closest(dep, known) is { } near ? $" Did you mean '{near}'?" : string.Empty;
                    diagnostics.Error(AzureDiagnosticCodes.DependsOnMissing, $"The {what} '{name}' depends on '{dep}', which is not a {what} in {scope}.{hint}", where(name, dep) ?? location);
                }
            }
        }

        foreach (var cycle in DependencyGraph.FindCycles([.. nodes.Select(n => (n.Name, n.DependsOn))]).Take(10))
        {
            if (cycle.Count <= 2)
            {
                continue; // self-dependency, reported above
            }

            var first = nodes.First(n => string.Equals(n.Name, cycle[0], StringComparison.OrdinalIgnoreCase));
            diagnostics.Error(AzureDiagnosticCodes.DependencyCycle,
                $"The {what}s in {scope} depend on each other in a cycle: {string.Join(" -> ", cycle)}.", where(first.Name, cycle[1]) ?? first.Location);
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
