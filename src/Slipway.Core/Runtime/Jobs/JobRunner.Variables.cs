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
            var (value, error) = RuntimeExpressions.EvaluateString(definition.RuntimeExpression!, JobExpressionContext(job, request));
            if (error is not null)
            {
                await recorder.IssueAsync(job.Node, IssueType.Warning, $"The value of variable '{definition.Name}' could not be computed: {error.Message}",
                    error.Location.File, error.Location.Line, error.Location.Column, RuntimeDiagnosticCodes.VariableExpressionError).ConfigureAwait(false);
            }

            job.Variables.Define(definition.Name, value, definition.Secret == SecretState.Secret, definition.IsReadOnly);
        }
    }

    /// <summary>
    /// The job's <c>continueOnError</c> (AZP-JOB-2, AZP-COND-8): <c>true</c>/<c>false</c>, a <c>$[ ]</c> runtime expression or a
    /// <c>$(macro)</c>, evaluated once its variables are known. A value that is not a boolean is an error issue and counts as false.
    /// </summary>
    private async Task<bool> ContinueOnErrorAsync(JobExecution job, JobRequest request)
    {
        if (request.Job.ContinueOnError is not { } text || text.Trim().Length == 0)
        {
            return false;
        }

        string value;
        if (text.TrimStart().StartsWith("$[", StringComparison.Ordinal))
        {
            var (evaluated, error) = RuntimeExpressions.Evaluate(new ExpressionText(text, request.Job.Location), JobExpressionContext(job, request), allowCounter: false);
            if (error is not null)
            {
                await recorder.IssueAsync(job.Node, IssueType.Error, $"The continueOnError of job '{request.Job.Name}' could not be computed: {error.Message}",
                    error.Location.File, error.Location.Line, error.Location.Column, AzureRunDiagnosticCodes.ContinueOnErrorInvalid).ConfigureAwait(false);
                return false;
            }

            if (evaluated is BooleanValue)
            {
                return evaluated.ToBoolean();
            }

            value = Expressions.Azure.AzureCoercion.ToStringValue(evaluated);
        }
        else
        {
            value = job.Variables.Expand(text).Trim();
        }

        if (bool.TryParse(value, out var parsed))
        {
            return parsed;
        }

        await recorder.IssueAsync(job.Node, IssueType.Error, $"The continueOnError of job '{request.Job.Name}' is '{value}', which is not a boolean (true or false).",
            request.Job.Location.File, request.Job.Location.Line, request.Job.Location.Column, AzureRunDiagnosticCodes.ContinueOnErrorInvalid).ConfigureAwait(false);
        return false;
    }

    /// <summary>What a job's <c>$[ ]</c> values and its <c>continueOnError</c> see: dependencies, variables, <c>pipeline</c>, <c>resources</c>.</summary>
    private EvaluationContext JobExpressionContext(JobExecution job, JobRequest request)
    {
        var variables = job.Variables.All.Select(v => KeyValuePair.Create(v.Name, v.Value)).ToList();
        return new EvaluationContext(
            request.DependencyValues
                .Append(KeyValuePair.Create("variables", (ExpressionValue)RuntimeExpressions.ToObject(variables)))
                .Append(RuntimeExpressions.Pipeline(run.StartTime))
                .Append(KeyValuePair.Create("resources", (ExpressionValue)Repositories.RepositoryVariables.ToExpressionObject(variables))),
            new StepStatusHost(() => RunResult.Succeeded, () => false, counters));
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
