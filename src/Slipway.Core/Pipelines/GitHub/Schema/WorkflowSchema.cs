using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Slipway.Core.Pipelines.GitHub.Schema;

/// <summary>
/// GitHub's workflow schema (<c>workflow-v1.0.json</c>, embedded) as definitions the reader walks.
/// Loaded once; immutable afterwards.
/// </summary>
internal sealed class WorkflowSchema
{
    public const string Root = "workflow-root";
    public const string StrictRoot = "workflow-root-strict";
    public const string Any = "any";

    private static readonly Lazy<WorkflowSchema> Instance = new(Load);
    private readonly Dictionary<string, Definition> _definitions = new(StringComparer.Ordinal);

    // What the reader asks of a definition for every node it reads, worked out once per definition (the schema does
    // not change): a 200-job workflow's nodes asked ~20,000 times, and the answers were most of what reading allocated.
    private readonly ConcurrentDictionary<Definition, IReadOnlyList<Definition>> _scalars = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<Definition, IReadOnlyList<MappingDefinition>> _mappings = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<Definition, IReadOnlyList<Definition>> _sequences = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<(IReadOnlyList<string> Parent, Definition Definition), IReadOnlyList<string>> _contexts = new(new ContextKeyComparer());

    private WorkflowSchema()
    {
        _definitions["null"] = new NullDefinition("null", []);
        _definitions["boolean"] = new BooleanDefinition("boolean", []);
        _definitions["number"] = new NumberDefinition("number", []);
        _definitions["string"] = new StringDefinition("string", []);
        _definitions["sequence"] = new SequenceDefinition("sequence", [], Any);
        _definitions["mapping"] = new MappingDefinition("mapping", []) { Properties = [], LooseKeyType = "string", LooseValueType = Any };
        _definitions[Any] = new OneOfDefinition(Any, [], ["null", "boolean", "number", "string", "sequence", "mapping"]);
    }

    public static WorkflowSchema Workflow => Instance.Value;

    public Definition Get(string name) =>
        _definitions.TryGetValue(name, out var definition)
            ? definition
            : throw new InvalidOperationException($"Schema definition '{name}' not found");

    /// <summary>The root definition; the strict one also checks event names and their keys.</summary>
    public DefinitionInfo RootInfo(bool strict = false) => new(this, Get(strict ? StrictRoot : Root), null);

    /// <summary>Expands one-of definitions into the scalar definitions they allow.</summary>
    public IReadOnlyList<Definition> ScalarDefinitions(Definition definition) => _scalars.GetOrAdd(definition, d =>
    {
        var result = new List<Definition>();
        AddScalars(d, result);
        return result;
    });

    /// <summary>The mapping definitions a node of <paramref name="definition"/> may be (itself, or what its one-of allows).</summary>
    public IReadOnlyList<MappingDefinition> MappingDefinitions(Definition definition) =>
        _mappings.GetOrAdd(definition, d => [.. DefinitionsOfType(d, DefinitionType.Mapping).Cast<MappingDefinition>()]);

    /// <summary>The sequence definitions a node of <paramref name="definition"/> may be.</summary>
    public IReadOnlyList<Definition> SequenceDefinitions(Definition definition) =>
        _sequences.GetOrAdd(definition, d => DefinitionsOfType(d, DefinitionType.Sequence));

    /// <summary>The contexts a node of <paramref name="definition"/> may use: its parent's, then its own (each once).</summary>
    public IReadOnlyList<string> AllowedContext(IReadOnlyList<string> parent, Definition definition) =>
        definition.Context.Count == 0 ? parent : _contexts.GetOrAdd((parent, definition), static key =>
        {
            var merged = new List<string>(key.Parent);
            var seen = new HashSet<string>(merged, StringComparer.OrdinalIgnoreCase);
            merged.AddRange(key.Definition.Context.Where(seen.Add));
            return merged;
        });

    private void AddScalars(Definition definition, List<Definition> result)
    {
        switch (definition.Type)
        {
            case DefinitionType.Null or DefinitionType.Boolean or DefinitionType.Number or DefinitionType.String:
                result.Add(definition);
                break;
            case DefinitionType.OneOf:
                foreach (var name in ((OneOfDefinition)definition).OneOf)
                {
                    AddScalars(Get(name), result);
                }

                break;
        }
    }

    private List<Definition> DefinitionsOfType(Definition definition, DefinitionType type)
    {
        if (definition.Type == type)
        {
            return [definition];
        }

        if (definition is OneOfDefinition oneOf)
        {
            return oneOf.OneOf.Select(Get).Where(d => d.Type == type).ToList();
        }

        return [];
    }

    private static WorkflowSchema Load()
    {
        var assembly = typeof(WorkflowSchema).Assembly;
        using var stream = assembly.GetManifestResourceStream("Slipway.Core.Pipelines.GitHub.workflow-v1.0.json")
            ?? throw new InvalidOperationException("The embedded workflow schema is missing.");
        using var document = JsonDocument.Parse(stream);
        var schema = new WorkflowSchema();
        foreach (var entry in document.RootElement.GetProperty("definitions").EnumerateObject())
        {
            schema.AddDefinition(entry.Name, entry.Value);
        }

        return schema;
    }

    private void AddDefinition(string name, JsonElement json)
    {
        var context = json.TryGetProperty("context", out var c) ? c.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        if (json.TryGetProperty("allowed-values", out var allowed))
        {
            var names = new List<string>();
            foreach (var value in allowed.EnumerateArray().Select(v => v.GetString()!))
            {
                var key = name + "-" + value;
                _definitions[key] = new StringDefinition(key, []) { Constant = value };
                names.Add(key);
            }

            _definitions[name] = new OneOfDefinition(name, context, names);
            return;
        }

        _definitions[name] = ReadDefinition(name, json, context);
    }

    private static Definition ReadDefinition(string name, JsonElement json, List<string> context)
    {
        if (json.TryGetProperty("one-of", out var oneOf))
        {
            return new OneOfDefinition(name, context, oneOf.EnumerateArray().Select(x => x.GetString()!).ToList());
        }

        if (json.TryGetProperty("mapping", out var mapping))
        {
            return ReadMapping(name, mapping, context);
        }

        if (json.TryGetProperty("sequence", out var sequence))
        {
            return new SequenceDefinition(name, context, sequence.GetProperty("item-type").GetString()!);
        }

        if (json.TryGetProperty("string", out var text))
        {
            return new StringDefinition(name, context)
            {
                Constant = text.TryGetProperty("constant", out var k) ? k.GetString() : null,
                IgnoreCase = text.TryGetProperty("ignore-case", out var i) && i.GetBoolean(),
                RequireNonEmpty = text.TryGetProperty("require-non-empty", out var r) && r.GetBoolean(),
            };
        }

        if (json.TryGetProperty("boolean", out _))
        {
            return new BooleanDefinition(name, context);
        }

        if (json.TryGetProperty("number", out _))
        {
            return new NumberDefinition(name, context);
        }

        return new NullDefinition(name, context);
    }

    private static MappingDefinition ReadMapping(string name, JsonElement mapping, List<string> context)
    {
        var properties = new List<KeyValuePair<string, PropertyDefinition>>();
        if (mapping.TryGetProperty("properties", out var props))
        {
            foreach (var property in props.EnumerateObject())
            {
                var definition = property.Value.ValueKind == JsonValueKind.String
                    ? new PropertyDefinition(property.Value.GetString()!, false)
                    : new PropertyDefinition(
                        property.Value.GetProperty("type").GetString()!,
                        property.Value.TryGetProperty("required", out var req) && req.GetBoolean());
                properties.Add(new(property.Name, definition));
            }
        }

        return new MappingDefinition(name, context)
        {
            Properties = properties,
            LooseKeyType = mapping.TryGetProperty("loose-key-type", out var lk) ? lk.GetString() : null,
            LooseValueType = mapping.TryGetProperty("loose-value-type", out var lv) ? lv.GetString() : null,
        };
    }

    // A parent's context list and a definition, both by reference: the lists come from this cache, so each chain of
    // definitions has one.
    private sealed class ContextKeyComparer : IEqualityComparer<(IReadOnlyList<string> Parent, Definition Definition)>
    {
        public bool Equals((IReadOnlyList<string> Parent, Definition Definition) x, (IReadOnlyList<string> Parent, Definition Definition) y) =>
            ReferenceEquals(x.Parent, y.Parent) && ReferenceEquals(x.Definition, y.Definition);

        public int GetHashCode((IReadOnlyList<string> Parent, Definition Definition) obj) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Parent), RuntimeHelpers.GetHashCode(obj.Definition));
    }
}
