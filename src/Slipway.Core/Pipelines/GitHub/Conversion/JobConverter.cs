using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Reading;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Codes = Slipway.Core.Pipelines.GitHub.GitHubWorkflowDiagnosticCodes;

namespace Slipway.Core.Pipelines.GitHub.Conversion;

/// <summary>Converts one entry of <c>jobs</c> into a <see cref="Job"/> or a <see cref="ReusableWorkflowJob"/>.</summary>
internal static class JobConverter
{
    public static WorkflowJob Convert(StringToken id, MappingToken definition, WorkflowErrors errors, bool allowBackgroundSteps)
    {
        if (new IdBuilder().TryAddKnownId(id.Value) is { } idError)
        {
            errors.Add(Codes.InvalidId, idError, id);
        }

        var job = new Job { Id = id, Name = id, If = IfConditions.Default() };
        StringToken? uses = null;
        MappingToken? with = null;
        TemplateToken? secrets = null;
        foreach (var pair in definition.Pairs)
        {
            var key = pair.Key.AssertString("job property name").Value;
            switch (key)
            {
                case "uses": uses = pair.Value.AssertString("job uses value"); break;
                case "with": with = pair.Value.AssertMapping("uses-with value"); break;
                case "secrets": secrets = pair.Value; break;
                case "steps": job = job with { Steps = new StepConverter(errors, allowBackgroundSteps).Convert(pair.Value) }; break;
                default: job = Apply(job, key, pair.Value, errors); break;
            }
        }

        job = job with { Name = job.Name is StringToken { Value.Length: 0 } ? id : job.Name };
        return uses is null ? job : Reusable(job, uses, with, secrets);
    }

    private static Job Apply(Job job, string key, TemplateToken value, WorkflowErrors errors)
    {
        Check(key, value, errors);
        return key switch
        {
            "if" => job with { If = IfConditions.Convert(value, isJob: true, errors) ?? job.If },
            "name" => job with { Name = value.AssertScalar("job name") },
            "needs" => job with { Needs = Needs(value) },
            "runs-on" => job with { RunsOn = value },
            "strategy" => job with { Strategy = value },
            "container" => job with { Container = value },
            "services" => job with { Services = value },
            "concurrency" => job with { Concurrency = value },
            "permissions" => job with { Permissions = PermissionsConverter.Convert(value) },
            "continue-on-error" => job with { ContinueOnError = value.AssertScalar("job continue-on-error") },
            "timeout-minutes" => job with { TimeoutMinutes = value.AssertScalar("job timeout-minutes") },
            "cancel-timeout-minutes" => job with { CancelTimeoutMinutes = value.AssertScalar("job cancel-timeout-minutes") },
            "env" => job with { Env = value },
            "environment" => job with { Environment = value },
            "outputs" => job with { Outputs = value },
            "defaults" => job with { Defaults = value },
            "snapshot" => job with { Snapshot = value },
            _ => job,
        };
    }

    /// <summary>The checks GitHub makes on these values while reading (values with expressions wait for run time).</summary>
    private static void Check(string key, TemplateToken value, WorkflowErrors errors)
    {
        switch (key)
        {
            case "runs-on": JobChecks.RunsOn(value, errors); break;
            case "strategy": JobChecks.Strategy(value, errors); break;
            case "container": JobChecks.Container(value, isService: false, errors); break;
            case "services": JobChecks.Services(value, errors); break;
            case "concurrency": JobChecks.Concurrency(value, errors); break;
        }
    }

    private static ReusableWorkflowJob Reusable(Job job, StringToken uses, MappingToken? with, TemplateToken? secrets) => new()
    {
        Id = job.Id,
        Name = job.Name,
        Needs = job.Needs,
        If = job.If,
        Ref = uses,
        InputValues = with,
        InheritSecrets = secrets is StringToken { Value: "inherit" },
        SecretValues = secrets is StringToken { Value: "inherit" } ? null : secrets?.AssertMapping("uses-secrets value"),
        Permissions = job.Permissions,
        Concurrency = job.Concurrency,
        Strategy = job.Strategy,
    };

    private static List<StringToken> Needs(TemplateToken value) =>
        value is StringToken single
            ? [single]
            : value.AssertSequence("job needs").Items.Select(i => i.AssertString("job needs item")).ToList();
}
