using System.Text.Json.Nodes;
using Slipway.Core.Pipelines.GitHub.Model;

namespace Slipway.Core.Pipelines.GitHub;

/// <summary>The <c>events</c> part: each event with its filters, schedules, inputs and secrets.</summary>
internal sealed partial class WorkflowJson
{
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

            if (e.Secrets.Count > 0)
            {
                item["secrets"] = new JsonObject(e.Secrets.Select(x => KeyValuePair.Create(x.Name, (JsonNode?)Secret(x))));
            }

            json[e.Name] = e.Name == "schedule"
                ? new JsonArray(e.Crons.Select(c => (JsonNode)new JsonObject { ["cron"] = c }).ToArray())
                : item;
        }

        return json;
    }

    private static JsonObject Secret(WorkflowSecret secret)
    {
        var json = new JsonObject();
        Put(json, "description", secret.Description);
        Put(json, "required", secret.Required);
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
}
