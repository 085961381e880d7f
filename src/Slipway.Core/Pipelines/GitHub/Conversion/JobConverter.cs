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
        MappingToken? secrets = null;
        var inherit = false;
        foreach (var pair in definition.Pairs)
        {
            var value = pair.Value;
            switch (pair.Key.AssertString("job property name").Value)
            {
                case "if": job = job with { If = IfConditions.Convert(value, isJob: true, errors) ?? job.If }; break;
                case "name": job = job with { Name = value.AssertScalar("job name") }; break;
                case "needs": job = job with { Needs = Needs(value) }; break;
                case "runs-on":
                    JobChecks.RunsOn(value, errors);
                    job = job with { RunsOn = value };
                    break;
                case "strategy":
                    JobChecks.Strategy(value, errors);
                    job = job with { Strategy = value };
                    break;
                case "container":
                    JobChecks.Container(value, isService: false, errors);
                    job = job with { Container = value };
                    break;
                case "services":
                    JobChecks.Services(value, errors);
                    job = job with { Services = value };
                    break;
                case "concurrency":
                    JobChecks.Concurrency(value, errors);
                    job = job with { Concurrency = value };
                    break;
                case "permissions": job = job with { Permissions = PermissionsConverter.Convert(value) }; break;
                case "continue-on-error": job = job with { ContinueOnError = value.AssertScalar("job continue-on-error") }; break;
                case "timeout-minutes": job = job with { TimeoutMinutes = value.AssertScalar("job timeout-minutes") }; break;
                case "cancel-timeout-minutes": job = job with { CancelTimeoutMinutes = value.AssertScalar("job cancel-timeout-minutes") }; break;
                case "env": job = job with { Env = value }; break;
                case "environment": job = job with { Environment = value }; break;
                case "outputs": job = job with { Outputs = value }; break;
                case "defaults": job = job with { Defaults = value }; break;
                case "snapshot": job = job with { Snapshot = value }; break;
                case "steps": job = job with { Steps = new StepConverter(errors, allowBackgroundSteps).Convert(value) }; break;
                case "uses": uses = value.AssertString("job uses value"); break;
                case "with": with = value.AssertMapping("uses-with value"); break;
                case "secrets":
                    if (value is StringToken { Value: "inherit" })
                    {
                        inherit = true;
                    }
                    else
                    {
                        secrets = value.AssertMapping("uses-secrets value");
                    }

                    break;
            }
        }

        job = job with { Name = NameOrId(job.Name, id) };
        return uses is null ? job : new ReusableWorkflowJob
        {
            Id = id,
            Name = job.Name,
            Needs = job.Needs,
            If = job.If,
            Ref = uses,
            InputValues = with,
            SecretValues = secrets,
            InheritSecrets = inherit,
            Permissions = job.Permissions,
            Concurrency = job.Concurrency,
            Strategy = job.Strategy,
        };
    }

    private static List<StringToken> Needs(TemplateToken value) =>
        value is StringToken single
            ? [single]
            : value.AssertSequence("job needs").Items.Select(i => i.AssertString("job needs item")).ToList();

    private static TemplateToken NameOrId(TemplateToken name, StringToken id) =>
        name is StringToken { Value.Length: 0 } ? id : name;
}
