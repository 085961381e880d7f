using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Orchestration;
using Slipway.Core.Runtime.Variables;

namespace Slipway.Core.Runtime.Jobs;

internal sealed partial class JobRunner
{
    /// <summary>
    /// Variables in precedence order, lowest first (AZP-VAR-11, -12): predefined, secrets and
    /// queue-time values, pipeline, stage, job YAML (groups in place), matrix leg; then the
    /// <c>$[ ]</c> values, evaluated with the dependencies (AZP-VAR-3, -60..62).
    /// </summary>
    private async Task DefineVariablesAsync(JobExecution job, JobRequest request)
    {
        var store = job.Variables;
        var identity = new JobIdentity(
            request.Stage.Name, request.Stage.DisplayName ?? request.Stage.Name, request.Node.Name, request.Node.DisplayName,
            request.Position, request.Total, request.BuildNumber, request.Job.Kind == JobKind.Deployment);
        PredefinedVariables.Define(store, run, job.Workspace, identity);
        foreach (var (name, value) in Checkout.JobCheckoutVariables.For(run, request.Job))
        {
            store.Define(name, value, isReadOnly: true);
        }

        foreach (var (name, value) in run.Options.Secrets)
        {
            store.Define(name, value, isSecret: true);
        }

        foreach (var queued in run.Plan.QueueTimeVariables)
        {
            store.Define(queued.Name, queued.Value);
        }

        var runtime = new List<VariableDefinition>();
        foreach (var entry in run.Plan.VariablesFor(request.Stage, request.Job))
        {
            foreach (var definition in Definitions(entry))
            {
                if (definition.RuntimeExpression is not null)
                {
                    runtime.Add(definition);
                    continue;
                }

                Define(job, definition);
            }
        }

        foreach (var (name, value) in request.LegVariables)
        {
            store.Define(name, value);
        }

        if (request.Job.Deployment is { } deployment)
        {
            DefineDeployment(store, deployment);
        }

        await EvaluateRuntimeVariablesAsync(job, request, runtime).ConfigureAwait(false);
        if (string.Equals(store.Get("System.Debug"), "true", StringComparison.OrdinalIgnoreCase))
        {
            job.Debug = true;
        }
    }

    private static IEnumerable<VariableDefinition> Definitions(VariableEntry entry) => entry switch
    {
        VariableDefinition d => [d],
        VariableGroupReference g => g.Values,
        _ => [],
    };

    private static void Define(JobExecution job, VariableDefinition definition)
    {
        var secret = definition.Secret == SecretState.Secret;
        if (secret)
        {
            job.Masker.AddValue(definition.Value);
        }

        job.Variables.Define(definition.Name, definition.Value, secret, definition.IsReadOnly);
    }

    private async Task EvaluateRuntimeVariablesAsync(JobExecution job, JobRequest request, List<VariableDefinition> runtime)
    {
        foreach (var definition in runtime)
        {
            var context = new EvaluationContext(
                request.DependencyValues.Append(KeyValuePair.Create("variables",
                    (ExpressionValue)RuntimeExpressions.ToObject(job.Variables.All.Select(v => KeyValuePair.Create(v.Name, v.Value)))))
                    .Append(KeyValuePair.Create("pipeline", (ExpressionValue)new ObjectValue([KeyValuePair.Create("startTime", (ExpressionValue)new DateTimeValue(run.StartTime))]))),
                new StepStatusHost(() => RunResult.Succeeded, () => false, counters));
            var (value, error) = RuntimeExpressions.EvaluateString(definition.RuntimeExpression!, context);
            if (error is not null)
            {
                await recorder.IssueAsync(job.Node, IssueType.Warning, $"The value of variable '{definition.Name}' could not be computed: {error.Message}",
                    error.Location.File, error.Location.Line, error.Location.Column, RuntimeDiagnosticCodes.VariableExpressionError).ConfigureAwait(false);
            }

            job.Variables.Define(definition.Name, value, definition.Secret == SecretState.Secret, definition.IsReadOnly);
        }
    }

    private static void DefineDeployment(VariableStore store, DeploymentPlan deployment)
    {
        var environment = deployment.Environment;
        store.Define("Environment.Name", environment.Name, isReadOnly: true);
        store.Define("Environment.Id", "1", isReadOnly: true);
        store.Define("Environment.ResourceName", environment.ResourceName ?? string.Empty, isReadOnly: true);
        store.Define("Environment.ResourceId", environment.ResourceId ?? string.Empty, isReadOnly: true);
        store.Define("Strategy.Name", deployment.Strategy.Kind switch
        {
            DeploymentStrategyKind.Rolling => "rolling",
            DeploymentStrategyKind.Canary => "canary",
            _ => "runOnce",
        }, isReadOnly: true);
        store.Define("Strategy.Action", "deploy", isReadOnly: true);
    }
}
