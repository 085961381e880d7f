using System.Globalization;
using Slipway.Core.Diagnostics;
using Slipway.Core.Expressions;
using Slipway.Core.Expressions.GitHub;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Slipway.Core.Runtime.GitHub.Contexts;

namespace Slipway.Core.Runtime.GitHub.Workflows;

/// <summary>
/// The job-level values evaluated per leg with the leg's contexts (github, inputs, vars, needs, strategy,
/// matrix): <c>continue-on-error</c> (GHA-JOB-7), <c>timeout-minutes</c> (GHA-JOB-8, default 360),
/// <c>environment</c> (GHA-JOB-12), <c>concurrency</c> (GHA-WF-10) and <c>runs-on</c> (GHA-JOB-4).
/// </summary>
internal sealed record JobSettings(bool ContinueOnError, double TimeoutMinutes, string? Environment, string? ConcurrencyGroup, bool CancelInProgress, string? RunsOnProblem)
{
    public static JobSettings Defaults { get; } = new(false, 360, null, null, false, null);

    public static Evaluated<JobSettings> Evaluate(Job job, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(job);
        var continueOnError = job.ContinueOnError is null ? false : TokenEvaluator.EvaluateBoolean(job.ContinueOnError, context);
        if (!continueOnError.IsSuccess)
        {
            return continueOnError.Error;
        }

        var timeout = Timeout(job.TimeoutMinutes, context);
        if (!timeout.IsSuccess)
        {
            return timeout.Error;
        }

        var environment = TokenEvaluator.Evaluate(job.Environment, context);
        var concurrency = Concurrency(job.Concurrency, context);
        var runsOn = TokenEvaluator.Evaluate(job.RunsOn, context);
        foreach (var error in new[] { environment.Error, concurrency.Error, runsOn.Error })
        {
            if (error is not null)
            {
                return error;
            }
        }

        var environmentName = environment.Value switch
        {
            ObjectValue o => o.TryGetValue("name", out var name) ? GitHubCoercion.ToDisplayString(name) : null,
            NullValue => null,
            var v => GitHubCoercion.ToDisplayString(v),
        };
        return new JobSettings(continueOnError.Value, timeout.Value, environmentName, concurrency.Value.Group, concurrency.Value.CancelInProgress, RunsOnLabels.Problem(runsOn.Value));
    }

    /// <summary>A <c>concurrency</c> value: a group name, or <c>{group, cancel-in-progress}</c>; no group when null or empty.</summary>
    public static Evaluated<(string? Group, bool CancelInProgress)> Concurrency(TemplateToken? token, EvaluationContext context)
    {
        var value = TokenEvaluator.Evaluate(token, context);
        if (!value.IsSuccess)
        {
            return value.Error;
        }

        return value.Value switch
        {
            ObjectValue o => (Blank(o["group"]), GitHubCoercion.ToBoolean(o["cancel-in-progress"])),
            NullValue => ((string?)null, false),
            var v => (Blank(v), false),
        };
    }

    private static Evaluated<double> Timeout(TemplateToken? token, EvaluationContext context)
    {
        if (token is null)
        {
            return 360d;
        }

        var value = TokenEvaluator.Evaluate(token, context);
        if (!value.IsSuccess)
        {
            return value.Error;
        }

        var minutes = GitHubCoercion.ToNumber(value.Value);
        return double.IsNaN(minutes) || minutes <= 0
            ? Diagnostic.Error(WorkflowRunDiagnosticCodes.JobExpression,
                $"timeout-minutes must be a positive number, not '{GitHubCoercion.ToDisplayString(value.Value)}'.", token.Location)
            : minutes;
    }

    private static string? Blank(ExpressionValue value) =>
        value is NullValue || GitHubCoercion.ToDisplayString(value) is not { Length: > 0 } text ? null : text;

    public string TimeoutText => TimeoutMinutes.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// <c>runs-on</c> on this machine: jobs run here whatever their labels say (<c>ubuntu-*</c>, <c>self-hosted</c>,
/// <c>linux</c>...), except labels that name another operating system (<c>windows-*</c>, <c>macos-*</c>).
/// </summary>
internal static class RunsOnLabels
{
    /// <summary>Why the job cannot run on this machine, or null.</summary>
    public static string? Problem(ExpressionValue runsOn)
    {
        var labels = runsOn switch
        {
            ObjectValue o => Labels(o["labels"]),
            _ => Labels(runsOn),
        };
        var here = OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsMacOS() ? "macOS" : "Linux";
        foreach (var label in labels)
        {
            var needs = label.StartsWith("windows", StringComparison.OrdinalIgnoreCase) ? "Windows"
                : label.StartsWith("macos", StringComparison.OrdinalIgnoreCase) ? "macOS"
                : null;
            if (needs is not null && needs != here)
            {
                return $"runs-on '{label}' needs a {needs} machine; this is {here}.";
            }
        }

        return null;
    }

    private static IEnumerable<string> Labels(ExpressionValue value) => value switch
    {
        ArrayValue a => a.Items.Select(GitHubCoercion.ToDisplayString),
        NullValue => [],
        _ => [GitHubCoercion.ToDisplayString(value)],
    };
}
