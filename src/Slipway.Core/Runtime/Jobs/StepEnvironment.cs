using Slipway.Core.Execution.Output;
using Slipway.Core.Planning;
using Slipway.Core.Runtime.Variables;

namespace Slipway.Core.Runtime.Jobs;

/// <summary>
/// The environment of a step's processes, in the agent's order: the machine's environment, every
/// non-secret variable (AZP-VAR-20; a secret referenced by a plain variable expands to nothing,
/// AZP-VAR-40), TF_BUILD, PATH with the prepended entries, then the step's <c>env:</c> (AZP-STEP-7).
/// </summary>
internal static class StepEnvironment
{
    public static Dictionary<string, string> Build(JobExecution job, StepPlan step)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in job.Run.BaseEnvironment)
        {
            env[name] = value;
        }

        string? PublicLookup(string name) => job.Variables.Find(name) is { } v ? (v.IsSecret ? string.Empty : v.Value) : null;
        foreach (var variable in job.Variables.All)
        {
            if (!variable.IsSecret && !VariableStore.IsReserved(variable.Name))
            {
                env[EnvironmentNames.For(variable.Name)] = MacroExpander.Expand(variable.Value, PublicLookup);
            }
        }

        if (job.Variables.Get("Agent.JobStatus") is { } status)
        {
            env["agent.jobstatus"] = status;
        }

        env["TF_BUILD"] = "True";
        env["PATH"] = StepResults.BuildPath(job.PrependPath, env.GetValueOrDefault("PATH"));
        foreach (var entry in step.Env)
        {
            env[entry.Name] = job.Variables.Expand(entry.Value);
        }

        return env;
    }

    public static Dictionary<string, string> MachineEnvironment()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value && !key.StartsWith("SLIPWAY_", StringComparison.Ordinal))
            {
                env[key] = value;
            }
        }

        return env;
    }
}
