using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Reading;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Codes = Slipway.Core.Pipelines.GitHub.GitHubWorkflowDiagnosticCodes;

namespace Slipway.Core.Pipelines.GitHub.Conversion;

/// <summary>Turns the validated root token of a workflow into a <see cref="Workflow"/>.</summary>
internal static class WorkflowConverter
{
    public static Workflow Convert(string file, MappingToken root, WorkflowErrors errors, bool allowBackgroundSteps = false)
    {
        var workflow = new Workflow { File = file, Jobs = [] };
        try
        {
            foreach (var pair in root.Pairs)
            {
                workflow = ConvertProperty(workflow, pair.Key.AssertString("root key").Value, pair.Value, errors, allowBackgroundSteps);
            }
        }
        catch (ConversionException e)
        {
            errors.Add(Codes.InvalidValue, e.Message, e.Token);
        }

        if (workflow.Permissions is { } permissions)
        {
            workflow = workflow with { Jobs = workflow.Jobs.Select(j => j.Permissions is null ? j with { Permissions = permissions } : j).ToList() };
        }

        return workflow;
    }

    private static Workflow ConvertProperty(Workflow workflow, string key, TemplateToken value, WorkflowErrors errors, bool allowBackgroundSteps)
    {
        switch (key)
        {
            case "on":
                DispatchInputChecks.Check(value, errors);
                ScheduleChecks.Check(value, errors);
                var inputTypes = EventsConverter.DispatchInputTypes(value);
                return workflow with { On = value, Events = EventsConverter.Convert(value), InputTypes = inputTypes.Count > 0 ? inputTypes : null };
            case "name":
                return workflow with { Name = (value as StringToken)?.Value };
            case "run-name":
                return workflow with { RunName = value };
            case "defaults":
                return workflow with { Defaults = value };
            case "env":
                return workflow with { Env = value as MappingToken };
            case "concurrency":
                JobChecks.Concurrency(value, errors);
                return workflow with { Concurrency = value };
            case "jobs":
                return workflow with { Jobs = JobsConverter.Convert(value, errors, allowBackgroundSteps) };
            case "permissions":
                return workflow with { Permissions = PermissionsConverter.Convert(value) };
            default:
                return workflow;
        }
    }
}
