using Slipway.Core.Planning;

namespace Slipway.Core.Pipelines.Azure;

/// <summary>Step ids: given names are kept; unnamed steps get the task name, then TaskName1, TaskName2, ...</summary>
internal static class StepNames
{
    public static List<StepPlan> Assign(List<StepPlan> steps)
    {
        var taken = new HashSet<string>(steps.Where(s => !s.IsNameGenerated && s.Name.Length > 0).Select(s => s.Name), StringComparer.OrdinalIgnoreCase);
        var counters = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var result = new List<StepPlan>(steps.Count);
        foreach (var step in steps)
        {
            var named = step;
            if (step.IsNameGenerated || step.Name.Length == 0)
            {
                named = step with { Name = Next(step.Task.Name, counters, taken), IsNameGenerated = true };
            }

            result.Add(named.DisplayName is null ? named with { DisplayName = named.Task.Name, IsDisplayNameGenerated = true } : named);
        }

        return result;
    }

    private static string Next(string baseName, Dictionary<string, int> counters, HashSet<string> taken)
    {
        var clean = new string([.. baseName.Where(c => char.IsAsciiLetterOrDigit(c) || c == '_')]);
        clean = clean.Length == 0 || char.IsAsciiDigit(clean[0]) ? "_" + clean : clean;
        while (true)
        {
            var n = counters.GetValueOrDefault(clean);
            counters[clean] = n + 1;
            var candidate = n == 0 ? clean : clean + n;
            if (taken.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
