using System.Text.Json.Nodes;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Reading;
using Slipway.Core.Pipelines.GitHub.Tokens;

namespace Slipway.Core.Pipelines.GitHub;

/// <summary>
/// Writes a read workflow as JSON in the shape GitHub's workflow parsers use for their shared test data
/// (tokens as <c>{"type":2,"map":[{"Key":..,"Value":..}]}</c>, jobs with converted conditions, generated step ids).
/// </summary>
internal sealed partial class WorkflowJson
{
    private readonly IReadOnlyList<string>? _files;

    private WorkflowJson(IReadOnlyList<string>? files) => _files = files;

    /// <summary>
    /// Writes the result. <paramref name="includeSource"/> adds each token's file (an index into
    /// <c>file-table</c>), line and column, as GitHub's parsers do.
    /// </summary>
    public static JsonObject Write(WorkflowReadResult result, bool includeEvents = false, bool includeSource = false) =>
        new WorkflowJson(includeSource ? result.Files : null).WriteResult(result, includeEvents);

    private JsonObject WriteResult(WorkflowReadResult result, bool includeEvents)
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
        if (_files is not null)
        {
            json["file-table"] = new JsonArray(_files.Select(f => (JsonNode)f).ToArray());
        }

        return json;
    }

    private JsonArray Jobs(IReadOnlyList<WorkflowJob> jobs) => new(jobs.Select(Job).ToArray());

    private JsonNode Job(WorkflowJob job)
    {
        var json = new JsonObject
        {
            ["type"] = job is ReusableWorkflowJob ? "reusableWorkflowJob" : "job",
            ["id"] = Token(job.Id),
            ["name"] = Token(job.Name),
        };
        if (job.Needs.Count > 0 || job is ReusableWorkflowJob)
        {
            json["needs"] = new JsonArray(job.Needs.Select(Token).ToArray());
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

    private void WritePlain(JsonObject json, Job job)
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

    private void WriteReusable(JsonObject json, ReusableWorkflowJob job)
    {
        json["ref"] = Token(job.Ref);
        Put(json, "input-definitions", Token(job.InputDefinitions));
        Put(json, "input-values", Token(job.InputValues));
        Put(json, "secret-definitions", Token(job.SecretDefinitions));
        Put(json, "secret-values", Token(job.SecretValues));
        Put(json, "inherit-secrets", job.InheritSecrets ? true : null);
        Put(json, "outputs", Token(job.Outputs));
        json["jobs"] = Jobs(job.Jobs);
    }

    private JsonNode Step(WorkflowStep step)
    {
        var json = new JsonObject { ["id"] = step.Id };
        Put(json, "name", Token(step.Name));
        Put(json, "if", Token(step.If));
        Put(json, "continue-on-error", Token(step.ContinueOnError));
        Put(json, "timeout-minutes", Token(step.TimeoutMinutes));
        Put(json, "env", Token(step.Env));
        Put(json, "working-directory", Token(step.WorkingDirectory));
        Put(json, "shell", Token(step.Shell));
        Put(json, "run", Token(step.Run));
        Put(json, "uses", Token(step.Uses));
        Put(json, "with", Token(step.With));
        Put(json, "background", step.Background);
        Put(json, "wait", step.Wait is null ? null : new JsonArray(step.Wait.Select(Token).ToArray()));
        Put(json, "wait-all", step.WaitAll);
        Put(json, "cancel", Token(step.Cancel));
        Put(json, "parallel", step.Parallel is null ? null : new JsonArray(step.Parallel.Select(Step).ToArray()));
        return json;
    }

    private static JsonObject? Permissions(WorkflowPermissions? permissions) => permissions is null
        ? null
        : new JsonObject(permissions.Scopes.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value)));

    private static void Put(JsonObject json, string name, JsonNode? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    /// <summary>A token in GitHub's serialised form.</summary>
    public JsonNode? Token(TemplateToken? token)
    {
        if (_files is null || token is null || !token.Location.IsKnown)
        {
            return Plain(token);
        }

        var index = _files.ToList().FindIndex(f => string.Equals(f, token.Location.File, StringComparison.OrdinalIgnoreCase));
        var json = new JsonObject
        {
            ["type"] = (int)token.Kind,
            ["file"] = index + 1,
            ["line"] = token.Location.Line,
            ["col"] = token.Location.Column,
        };
        switch (token)
        {
            case StringToken s: json["lit"] = s.Value; break;
            case BooleanToken b: json["bool"] = b.Value; break;
            case NumberToken n: json["num"] = double.IsFinite(n.Value) ? n.Value : n.ToString(); break;
            case BasicExpressionToken e: json["expr"] = e.Expression; break;
            case InsertExpressionToken: json["directive"] = "insert"; break;
            case SequenceToken seq: json["seq"] = new JsonArray(seq.Items.Select(Token).ToArray()); break;
            case MappingToken map: json["map"] = Pairs(map); break;
        }

        return json;
    }

    private JsonArray Pairs(MappingToken map) =>
        new(map.Pairs.Select(p => (JsonNode)new JsonObject { ["Key"] = Token(p.Key), ["Value"] = Token(p.Value) }).ToArray());

    private JsonNode? Plain(TemplateToken? token) => token switch
    {
        null => null,
        StringToken s => s.Value,
        BooleanToken b => b.Value,
        NumberToken n => double.IsFinite(n.Value) ? n.Value : n.ToString(),
        NullToken => null,
        BasicExpressionToken e => new JsonObject { ["type"] = 3, ["expr"] = e.Expression },
        InsertExpressionToken => new JsonObject { ["type"] = 4, ["directive"] = "insert" },
        SequenceToken seq => new JsonObject { ["type"] = 1, ["seq"] = new JsonArray(seq.Items.Select(Token).ToArray()) },
        MappingToken map => new JsonObject { ["type"] = 2, ["map"] = Pairs(map) },
        _ => null,
    };
}
