using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Reading;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Codes = Slipway.Core.Pipelines.GitHub.GitHubWorkflowDiagnosticCodes;

namespace Slipway.Core.Pipelines.GitHub.Conversion;

/// <summary>Reads the workflows that jobs call with <c>uses:</c> and checks the call against them.</summary>
internal sealed partial class ReusableWorkflows(WorkflowReaderOptions options, WorkflowErrors errors, Func<string, string, MappingToken?> read)
{
    private readonly PermissionLimits permissions = new(options.PermissionsPolicy, errors);

    public IReadOnlyList<WorkflowJob> Load(IReadOnlyList<WorkflowJob> jobs, int depth)
    {
        var result = new List<WorkflowJob>(jobs.Count);
        foreach (var job in jobs)
        {
            result.Add(job is ReusableWorkflowJob call ? LoadOne(call, depth) : job);
        }

        return result;
    }

    private ReusableWorkflowJob LoadOne(ReusableWorkflowJob job, int depth)
    {
        if (options.MaxReusableWorkflowDepth == 0)
        {
            errors.Add(Codes.ReusableWorkflow, "Reusable workflows are not allowed", job.Ref);
            return job;
        }

        if (options.FileProvider is null)
        {
            return job;
        }

        if (depth > options.MaxReusableWorkflowDepth)
        {
            errors.Add(Codes.Limit, $"Nested reusable workflow depth exceeded {options.MaxReusableWorkflowDepth}.", Diagnostics.SourceLocation.None);
            return job;
        }

        var lookup = options.FileProvider(job.Ref.Value);
        if (lookup.Skipped)
        {
            return job;
        }

        if (lookup.Content is not { } content)
        {
            errors.Add(Codes.ReusableWorkflow, "Unable to find reusable workflow", job.Ref);
            return job;
        }

        if (read(job.Ref.Value, content) is not { } root)
        {
            return job;
        }

        return Convert(root, job, depth);
    }

    private ReusableWorkflowJob Convert(MappingToken root, ReusableWorkflowJob job, int depth)
    {
        var explicitMax = job.Permissions;
        var sawOn = false;
        foreach (var pair in root.Pairs)
        {
            switch ((pair.Key as StringToken)?.Value)
            {
                case "on":
                    sawOn = true;
                    job = ApplyTrigger(pair.Value, job);
                    break;
                case "jobs":
                    job = job with { Jobs = JobsConverter.Convert(pair.Value, errors, options.AllowBackgroundSteps) };
                    break;
                case "permissions":
                    var requested = PermissionsConverter.Convert(pair.Value);
                    permissions.Check(job, null, requested, explicitMax);
                    job = job with { Permissions = requested };
                    break;
            }
        }

        if (!sawOn)
        {
            errors.Add(Codes.ReusableWorkflow, "workflow_call key is not defined in the referenced workflow.", job.Ref);
        }

        var nested = new List<WorkflowJob>(job.Jobs.Count);
        foreach (var embedded in job.Jobs)
        {
            if (embedded.Permissions is { } requested)
            {
                permissions.Check(job, embedded, requested, explicitMax);
                nested.Add(embedded);
            }
            else
            {
                nested.Add(job.Permissions is null ? embedded : embedded with { Permissions = job.Permissions });
            }
        }

        return job with { Jobs = Load(nested, depth + 1) };
    }

    private ReusableWorkflowJob ApplyTrigger(TemplateToken on, ReusableWorkflowJob job)
    {
        var call = on switch
        {
            StringToken { Value: "workflow_call" } => (TemplateToken?)new NullToken(on.Location),
            SequenceToken list when list.Items.Any(i => i is StringToken { Value: "workflow_call" }) => new NullToken(on.Location),
            MappingToken mapping => mapping.Pairs.FirstOrDefault(p => p.Key is StringToken { Value: "workflow_call" })?.Value,
            _ => null,
        };
        if (call is null)
        {
            errors.Add(Codes.ReusableWorkflow, "workflow_call key is not defined in the referenced workflow.", job.Ref);
            return job;
        }

        if (call is MappingToken definitions)
        {
            job = job with
            {
                InputDefinitions = definitions.Find("inputs") as MappingToken,
                SecretDefinitions = definitions.Find("secrets") as MappingToken,
                Outputs = definitions.Find("outputs") as MappingToken,
            };
        }

        CheckInputs(job);
        CheckSecrets(job);
        return job;
    }
}
