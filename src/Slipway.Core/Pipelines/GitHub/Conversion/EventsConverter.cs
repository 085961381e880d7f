using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Tokens;

namespace Slipway.Core.Pipelines.GitHub.Conversion;

/// <summary>Converts <c>on</c> into events with their filters, schedules and inputs.</summary>
internal static class EventsConverter
{
    private static readonly string[] ListFilters =
        ["branches", "branches-ignore", "tags", "tags-ignore", "paths", "paths-ignore", "types", "versions", "names", "workflows"];

    public static WorkflowEvents Convert(TemplateToken token) => token switch
    {
        StringToken single => new([new WorkflowEvent(single.Value)]),
        SequenceToken list => new(list.Items.OfType<StringToken>().Select(s => new WorkflowEvent(s.Value)).ToList()),
        MappingToken mapping => new(mapping.Pairs.Where(p => p.Key is StringToken).Select(p => Event(((StringToken)p.Key).Value, p.Value)).ToList()),
        _ => WorkflowEvents.Empty,
    };

    /// <summary>The declared type of each <c>workflow_dispatch</c> input (<c>string</c> when not given).</summary>
    public static Dictionary<string, string> DispatchInputTypes(TemplateToken token)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if ((token as MappingToken)?.Find("workflow_dispatch") is not MappingToken dispatch || dispatch.Find("inputs") is not MappingToken inputs)
        {
            return result;
        }

        foreach (var pair in inputs.Pairs)
        {
            var type = (pair.Value as MappingToken)?.Find("type") as StringToken;
            result.TryAdd(pair.Key.ToString()!, type?.Value ?? "string");
        }

        return result;
    }

    private static WorkflowEvent Event(string name, TemplateToken value)
    {
        var result = new WorkflowEvent(name);
        if (value is SequenceToken schedule)
        {
            return result with
            {
                Crons = schedule.Items.OfType<MappingToken>().Select(m => m.Find("cron")).OfType<StringToken>().Select(c => c.Value).ToList(),
            };
        }

        if (value is not MappingToken mapping)
        {
            return result;
        }

        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var filter in ListFilters)
        {
            switch (mapping.Find(filter))
            {
                case StringToken one:
                    filters[filter] = [one.Value];
                    break;
                case SequenceToken many:
                    filters[filter] = many.Items.Select(i => i.ToString()!).ToList();
                    break;
            }
        }

        return result with
        {
            Filters = filters,
            Inputs = Inputs(mapping.Find("inputs") as MappingToken),
            Secrets = (mapping.Find("secrets") as MappingToken)?.Pairs.Select(p => new WorkflowSecret(p.Key.ToString()!)
            {
                Description = ((p.Value as MappingToken)?.Find("description") as StringToken)?.Value,
                Required = ((p.Value as MappingToken)?.Find("required") as BooleanToken)?.Value,
            }).ToList() ?? [],
        };
    }

    private static List<WorkflowInput> Inputs(MappingToken? inputs)
    {
        if (inputs is null)
        {
            return [];
        }

        return inputs.Pairs.Select(p =>
        {
            var spec = p.Value as MappingToken;
            var input = new WorkflowInput(p.Key.ToString()!, (spec?.Find("type") as StringToken)?.Value ?? "string")
            {
                Description = (spec?.Find("description") as StringToken)?.Value,
                Required = (spec?.Find("required") as BooleanToken)?.Value,
                Default = spec?.Find("default") switch
                {
                    BooleanToken b => b.Value,
                    NumberToken n => n.Value,
                    StringToken s => s.Value,
                    BasicExpressionToken e => e.ToString(),
                    _ => null,
                },
                Options = (spec?.Find("options") as SequenceToken)?.Items.Select(i => i.ToString()!).ToList(),
            };
            return input;
        }).ToList();
    }
}
