using System.Text.Json.Nodes;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Reading;
using Slipway.Core.Pipelines.GitHub.Tokens;

namespace Slipway.Core.Pipelines.GitHub;

/// <summary>
/// Writes a read workflow as JSON in the shape GitHub's workflow parsers use for their shared test data
/// (tokens as <c>{"type":2,"map":[{"Key":..,"Value":..}]}</c>, jobs with converted conditions, generated step ids).
/// </summary>
internal static class WorkflowJson
{
    public static JsonObject Write(WorkflowReadResult result, bool includeEvents = false)
    {
        var json = new JsonObject();
        if (result.Errors.Count > 0)
        {
            json["errors"] = new JsonArray(result.Errors.Select(e => (JsonNode)new JsonObject { ["Message"] = e.GitHubMessage }).ToArray());
            return json;
        }

        var workflow = result.Workflow!;
        if (includeEvents)
        {
            json["events"] = Events(workflow.Events);
        }

        Put(json, "input-types", !includeEvents && workflow.InputTypes is { } types ? new JsonObject(types.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))) : null);
        Put(json, "permissions", Permissions(workflow.Permissions));
        Put(json, "env", Token(workflow.Env));
        Put(json, "defaults", Token(workflow.Defaults));
        Put(json, "concurrency", Token(workflow.Concurrency));
        json["jobs"] = Jobs(workflow.Jobs);
        return json;
    }

    private static JsonArray Jobs(IReadOnlyList<WorkflowJob> jobs) => new(jobs.Select(Job).ToArray());

    private static JsonNode Job(WorkflowJob job)
    {
        var json = new JsonObject
        {
            ["type"] = job is ReusableWorkflowJob ? "reusableWorkflowJob" : "job",
            ["id"] = job.Id.Value,
            ["name"] = Token(job.Name),
        };
        if (job.Needs.Count > 0 || job is ReusableWorkflowJob)
        {
            json["needs"] = new JsonArray(job.Needs.Select(n => (JsonNode)n.Value).ToArray());
        }

        json["if"] = Token(job.If);
        Put(json, "permissions", Permissions(job.Permissions));
        Put(json, "strategy", Token(job.Strategy));
        Put(json, "concurrency", Token(job.Concurrency));
        if (job is Job plain)
        {
            WritePlain(json, plain);
        }
        else
        {
            WriteReusable(json, (ReusableWorkflowJob)job);
        }

        return json;
    }

    private static void WritePlain(JsonObject json, Job job)
    {
        Put(json, "continue-on-error", Token(job.ContinueOnError));
        Put(json, "timeout-minutes", Token(job.TimeoutMinutes));
        Put(json, "cancel-timeout-minutes", Token(job.CancelTimeoutMinutes));
        Put(json, "env", Token(job.Env));
        Put(json, "environment", Token(job.Environment));
        Put(json, "runs-on", Token(job.RunsOn));
        Put(json, "container", Token(job.Container));
        Put(json, "services", Token(job.Services));
        Put(json, "outputs", Token(job.Outputs));
        Put(json, "defaults", Token(job.Defaults));
        Put(json, "snapshot", Token(job.Snapshot));
        if (job.Steps.Count > 0)
        {
            json["steps"] = new JsonArray(job.Steps.Select(Step).ToArray());
        }
    }

    private static void WriteReusable(JsonObject json, ReusableWorkflowJob job)
    {
        json["ref"] = job.Ref.Value;
        Put(json, "input-definitions", Token(job.InputDefinitions));
        Put(json, "input-values", Token(job.InputValues));
        Put(json, "secret-definitions", Token(job.SecretDefinitions));
        Put(json, "secret-values", Token(job.SecretValues));
        Put(json, "inherit-secrets", job.InheritSecrets ? true : null);
        Put(json, "outputs", Token(job.Outputs));
        json["jobs"] = Jobs(job.Jobs);
    }

    private static JsonNode Step(WorkflowStep step)
    {
        var json = new JsonObject { ["id"] = step.Id };
        Put(json, "name", Token(step.Name));
        json["if"] = Token(step.If);
        Put(json, "continue-on-error", Token(step.ContinueOnError));
        Put(json, "timeout-minutes", Token(step.TimeoutMinutes));
        Put(json, "env", Token(step.Env));
        Put(json, "working-directory", Token(step.WorkingDirectory));
        Put(json, "shell", Token(step.Shell));
        Put(json, "run", Token(step.Run));
        Put(json, "uses", Token(step.Uses));
        Put(json, "with", Token(step.With));
        return json;
    }

    private static JsonObject? Permissions(WorkflowPermissions? permissions) => permissions is null
        ? null
        : new JsonObject(permissions.Scopes.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value)));

    private static JsonObject Events(WorkflowEvents events)
    {
        var json = new JsonObject();
        foreach (var e in events.Items)
        {
            var item = new JsonObject();
            foreach (var (name, values) in e.Filters)
            {
                item[name] = new JsonArray(values.Select(v => (JsonNode)v).ToArray());
            }

            if (e.Inputs.Count > 0)
            {
                item["inputs"] = new JsonObject(e.Inputs.Select(i => KeyValuePair.Create(i.Name, (JsonNode?)Input(i))));
            }

            json[e.Name] = e.Name == "schedule"
                ? new JsonArray(e.Crons.Select(c => (JsonNode)new JsonObject { ["cron"] = c }).ToArray())
                : item;
        }

        return json;
    }

    private static JsonObject Input(WorkflowInput input)
    {
        var json = new JsonObject { ["type"] = input.Type };
        Put(json, "description", input.Description);
        Put(json, "required", input.Required);
        Put(json, "options", input.Options is null ? null : new JsonArray(input.Options.Select(o => (JsonNode)o).ToArray()));
        Put(json, "default", input.Default switch
        {
            bool b => b,
            double d when double.IsFinite(d) => d,
            string s => s,
            _ => null,
        });
        return json;
    }

    private static void Put(JsonObject json, string name, JsonNode? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    /// <summary>A token in GitHub's serialised form.</summary>
    public static JsonNode? Token(TemplateToken? token) => token switch
    {
        null => null,
        StringToken s => s.Value,
        BooleanToken b => b.Value,
        NumberToken n => double.IsFinite(n.Value) ? n.Value : n.ToString(),
        NullToken => null,
        BasicExpressionToken e => new JsonObject { ["type"] = 3, ["expr"] = e.Expression },
        InsertExpressionToken => new JsonObject { ["type"] = 4, ["directive"] = "insert" },
        SequenceToken seq => new JsonObject { ["type"] = 1, ["seq"] = new JsonArray(seq.Items.Select(Token).ToArray()) },
        MappingToken map => new JsonObject
        {
            ["type"] = 2,
            ["map"] = new JsonArray(map.Pairs.Select(p => (JsonNode)new JsonObject { ["Key"] = Token(p.Key), ["Value"] = Token(p.Value) }).ToArray()),
        },
        _ => null,
    };
}
