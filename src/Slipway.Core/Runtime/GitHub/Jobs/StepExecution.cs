using Slipway.Core.Execution.Output;
using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.GitHub.Contexts;
using Slipway.Core.Runtime.Jobs;

namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>
/// One execution of one step (main, pre or post part, or a composite action's step): its file-command
/// files, its <c>env</c> context, its contexts, the log it writes to, and what it changes.
/// </summary>
internal sealed class StepExecution
{
    public required GitHubJobState Job { get; init; }

    public required StepScope Scope { get; init; }

    public required WorkflowStep Step { get; init; }

    public required StepFiles Files { get; init; }

    /// <summary>A <c>background: true</c> step: its conclusion reaches the job status only through a <c>wait</c> step.</summary>
    public bool IsBackground { get; init; }

    public required StepIdentity Identity { get; init; }

    /// <summary>The key of this action's saved state (<c>STATE_*</c>): shared by its pre, main and post parts.</summary>
    public required string StateKey { get; init; }

    public required StepLogger Log { get; set; }

    public required TimelineNode Node { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>Why the step's <c>env</c> could not be evaluated (the step then fails without running).</summary>
    public Diagnostics.Diagnostic? EnvError { get; set; }

    /// <summary>The <c>env</c> context of the step: job env (incl. <c>GITHUB_ENV</c>), the caller's env, then the step's <c>env</c>.</summary>
    public Dictionary<string, string> Env { get; } = new(StringComparer.Ordinal);

    /// <summary>Only the step's own evaluated <c>env:</c> (what a composite action's steps inherit).</summary>
    public Dictionary<string, string> StepEnv { get; } = new(StringComparer.Ordinal);

    public StepChanges Changes { get; } = new();

    /// <summary>One workflow-command processor per step execution (<c>stop-commands</c>, <c>echo</c> last for the step).</summary>
    public GitHubCommandProcessor Commands => _commands ??= new GitHubCommandProcessor(new GitHubCommandOptions
    {
        AllowUnsecureCommands = IsTrue("ACTIONS_ALLOW_UNSECURE_COMMANDS"),
        AllowUnsecureStopCommandTokens = IsTrue("ACTIONS_ALLOW_UNSECURE_STOPCOMMAND_TOKENS"),
        EchoCommands = Job.Debug,
    });

    private GitHubCommandProcessor? _commands;

    /// <summary>The <c>github</c> context of this step (made once: the job's part, the identity and the files do not change).</summary>
    public ObjectValue GitHub => _github ??= GitHubContexts.ForStep(Job.GitHub, Identity, Files);

    private ObjectValue? _github;

    /// <summary>The contexts for the step's condition: only the status functions' host when it is one status call
    /// (<see cref="TokenEvaluator.IsStatusCall"/>), else <see cref="Context"/> without secrets.</summary>
    public EvaluationContext ConditionContext(BasicExpressionToken condition) => TokenEvaluator.IsStatusCall(condition)
        ? new EvaluationContext([], new StepExpressionHost(Job, Scope))
        : Context(secrets: false);

    /// <summary>The step's contexts; <paramref name="secrets"/> false for <c>if</c> (GHA-STEP-2), true for everything else.</summary>
    public EvaluationContext Context(bool secrets)
    {
        var request = Job.Request;
        var values = new List<KeyValuePair<string, ExpressionValue>>
        {
            new("github", GitHub),
            new("env", new ObjectValue(Env.Select(e => KeyValuePair.Create(e.Key, ExpressionValue.From(e.Value))))),
            new("vars", request.Vars),
            new("matrix", request.Matrix),
            new("strategy", request.Strategy),
            new("needs", request.Needs),
            new("job", GitHubContexts.Job(Job.Status, Job.Containers)),
            new("runner", Job.Runner),
            new("steps", Scope.Steps.ToValue()),
            new("inputs", Scope.Inputs),
        };
        if (secrets)
        {
            values.Add(new("secrets", Job.Secrets));
        }

        return new EvaluationContext(values, new StepExpressionHost(Job, Scope));
    }

    /// <summary>The environment of the step's processes (GHA-ENV-1/2): base, <c>CI</c>, env context, PATH, <c>STATE_*</c>, then <c>GITHUB_*</c>/<c>RUNNER_*</c>.</summary>
    public Dictionary<string, string> ProcessEnvironment()
    {
        Files.EnsureCreated(); // GITHUB_ENV, GITHUB_OUTPUT...: the process may append to them or check that they exist (@actions/core does)
        var env = new Dictionary<string, string>(Job.Run.BaseEnvironment.Count + Env.Count + 48, StringComparer.Ordinal); // + CI, PATH, GITHUB_*, RUNNER_*
        foreach (var (name, value) in Job.Run.BaseEnvironment)
        {
            if (!name.StartsWith("GITHUB_", StringComparison.Ordinal) && !name.StartsWith("RUNNER_", StringComparison.Ordinal))
            {
                env[name] = value;
            }
        }

        env["CI"] = "true";
        foreach (var (name, value) in Env)
        {
            env[name] = value;
        }

        env["PATH"] = StepResults.BuildPath(Job.PrependPath, env.GetValueOrDefault("PATH"));
        if (Job.States.TryGetValue(StateKey, out var state))
        {
            foreach (var (name, value) in state)
            {
                env["STATE_" + name] = value;
            }
        }

        foreach (var (name, value) in GitHubContexts.Variables(GitHub, Job.Runner))
        {
            env[name] = value;
        }

        env["GITHUB_ACTIONS"] = "true";
        return env;
    }

    private bool IsTrue(string name) =>
        string.Equals(Env.GetValueOrDefault(name), "true", StringComparison.OrdinalIgnoreCase);
}
