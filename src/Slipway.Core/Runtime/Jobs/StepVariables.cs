using Slipway.Core.Execution.Output;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.Jobs;

/// <summary><see cref="IStepVariables"/> over the job's variables; changes reach later steps only.</summary>
internal sealed class StepVariables(JobExecution job, string stepName, StepLogger log) : IStepVariables
{
    public IReadOnlyList<VariableValue> All => job.Variables.All;

    public string? Get(string name) => job.Variables.Get(name);

    public string Expand(string text) => job.Variables.Expand(text);

    public void AddSecret(string value) => job.Masker.AddValue(value);

    public void PrependPath(string path) => StepResults.PrependPaths(job.PrependPath, [path]);

    public void SetSystem(string name, string value) =>
        job.Variables.Define(name, value, isReadOnly: job.Variables.Find(name)?.IsReadOnly ?? true);

    public bool Set(string name, string value, bool isSecret = false, bool isOutput = false, bool isReadOnly = false) =>
        VariableSetter.Set(job, stepName, log, name, value, isSecret, isOutput, isReadOnly);
}

/// <summary>The one implementation of <c>task.setvariable</c> semantics (AZP-VAR-13, -50, -51).</summary>
internal static class VariableSetter
{
    public static bool Set(JobExecution job, string stepName, StepLogger log, string name, string value, bool isSecret, bool isOutput, bool isReadOnly)
    {
        if (isSecret)
        {
            job.Masker.AddValue(value);
        }

        if (isOutput)
        {
            var key = stepName + "." + name;
            job.Variables.TrySet(key, value, isSecret, isReadOnly);
            job.AddOutput(job.OutputPrefix + key, value);
            log.Track(job.Recorder.OutputAsync(job.Node, stepName, name, value, isSecret));
            return true;
        }

        if (!job.Variables.TrySet(name, value, isSecret, isReadOnly))
        {
            log.Error($"Can't set variable '{name}' because it is read-only.", code: RuntimeDiagnosticCodes.ReadOnlyVariable);
            return false;
        }

        return true;
    }
}
