using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>The contexts of job-level values (GHA-CTX-2): workflow/job <c>env</c>, <c>defaults.run</c>, job <c>outputs</c>.</summary>
internal static class JobContexts
{
    /// <summary>Workflow <c>env</c>: github, inputs, vars, secrets.</summary>
    public static EvaluationContext WorkflowEnv(GitHubJobState job) => Build(job, "github", "inputs", "vars", "secrets");

    /// <summary>Job <c>env</c>: github, inputs, vars, needs, strategy, matrix, secrets.</summary>
    public static EvaluationContext JobEnv(GitHubJobState job) => Build(job, "github", "inputs", "vars", "needs", "strategy", "matrix", "secrets");

    /// <summary>Job <c>defaults.run</c>: github, inputs, vars, needs, strategy, matrix, env.</summary>
    public static EvaluationContext Defaults(GitHubJobState job) => Build(job, "github", "inputs", "vars", "needs", "strategy", "matrix", "env");

    /// <summary>Job <c>outputs</c>: github, inputs, vars, needs, strategy, matrix, steps, job, runner, env (no secrets).</summary>
    public static EvaluationContext Outputs(GitHubJobState job) =>
        Build(job, "github", "inputs", "vars", "needs", "strategy", "matrix", "steps", "job", "runner", "env");

    private static EvaluationContext Build(GitHubJobState job, params string[] names)
    {
        var request = job.Request;
        var all = new Dictionary<string, ExpressionValue>(StringComparer.Ordinal)
        {
            ["github"] = job.GitHub,
            ["inputs"] = request.Inputs,
            ["vars"] = request.Vars,
            ["secrets"] = job.Secrets,
            ["needs"] = request.Needs,
            ["strategy"] = request.Strategy,
            ["matrix"] = request.Matrix,
            ["steps"] = job.Steps.ToValue(),
            ["job"] = GitHubContexts.Job(job.Status, job.Containers),
            ["runner"] = job.Runner,
            ["env"] = new ObjectValue(job.Env.Select(e => KeyValuePair.Create(e.Key, ExpressionValue.From(e.Value)))),
        };
        return new EvaluationContext(names.Select(n => KeyValuePair.Create(n, all[n])), new StepExpressionHost(job, StepScope.ForJob(job)));
    }
}
