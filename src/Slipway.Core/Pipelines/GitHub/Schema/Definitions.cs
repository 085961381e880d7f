using Slipway.Core.Pipelines.GitHub.Tokens;

namespace Slipway.Core.Pipelines.GitHub.Schema;

internal enum DefinitionType
{
    Null,
    Boolean,
    Number,
    String,
    Sequence,
    Mapping,
    OneOf,
}

/// <summary>One named type of GitHub's workflow schema.</summary>
internal abstract class Definition(string key, IReadOnlyList<string> context)
{
    public string Key { get; } = key;

    /// <summary>Named contexts and functions (<c>hashFiles(1,255)</c>) allowed in expressions of this type.</summary>
    public IReadOnlyList<string> Context { get; } = context;

    public abstract DefinitionType Type { get; }

    /// <summary>For scalar definitions: whether a literal token is a legal value.</summary>
    public virtual bool IsMatch(TemplateToken literal) => false;
}

internal sealed class NullDefinition(string key, IReadOnlyList<string> context) : Definition(key, context)
{
    public override DefinitionType Type => DefinitionType.Null;

    public override bool IsMatch(TemplateToken literal) => literal.Kind == TokenKind.Null;
}

internal sealed class BooleanDefinition(string key, IReadOnlyList<string> context) : Definition(key, context)
{
    public override DefinitionType Type => DefinitionType.Boolean;

    public override bool IsMatch(TemplateToken literal) => literal.Kind == TokenKind.Boolean;
}

internal sealed class NumberDefinition(string key, IReadOnlyList<string> context) : Definition(key, context)
{
    public override DefinitionType Type => DefinitionType.Number;

    public override bool IsMatch(TemplateToken literal) => literal.Kind == TokenKind.Number;
}

internal sealed class StringDefinition(string key, IReadOnlyList<string> context) : Definition(key, context)
{
    public string? Constant { get; init; }

    public bool IgnoreCase { get; init; }

    public bool RequireNonEmpty { get; init; }

    public override DefinitionType Type => DefinitionType.String;

    public override bool IsMatch(TemplateToken literal)
    {
        if (literal is not StringToken text)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(Constant))
        {
            var comparison = IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            return string.Equals(Constant, text.Value, comparison);
        }

        return !RequireNonEmpty || text.Value.Length > 0;
    }
}

internal sealed class SequenceDefinition(string key, IReadOnlyList<string> context, string itemType) : Definition(key, context)
{
    public string ItemType { get; } = itemType;

    public override DefinitionType Type => DefinitionType.Sequence;
}

internal sealed record PropertyDefinition(string Type, bool Required);

internal sealed class MappingDefinition(string key, IReadOnlyList<string> context) : Definition(key, context)
{
    /// <summary>Well-known properties in the order the schema lists them.</summary>
    public required IReadOnlyList<KeyValuePair<string, PropertyDefinition>> Properties { get; init; }

    public string? LooseKeyType { get; init; }

    public string? LooseValueType { get; init; }

    public override DefinitionType Type => DefinitionType.Mapping;

    // Built on first use (a workflow of 200 jobs asks ~10,000 times); the first of two equal names wins, as the list order did.
    private Dictionary<string, PropertyDefinition>? _byName;

    public PropertyDefinition? Property(string name)
    {
        var byName = _byName;
        if (byName is null)
        {
            byName = new Dictionary<string, PropertyDefinition>(Properties.Count, StringComparer.Ordinal);
            foreach (var (key, value) in Properties)
            {
                byName.TryAdd(key, value);
            }

            _byName = byName;
        }

        return byName.GetValueOrDefault(name);
    }
}

internal sealed class OneOfDefinition(string key, IReadOnlyList<string> context, IReadOnlyList<string> oneOf) : Definition(key, context)
{
    public IReadOnlyList<string> OneOf { get; } = oneOf;

    public override DefinitionType Type => DefinitionType.OneOf;
}

/// <summary>A definition in use at one place of a document, with the expression contexts inherited from its parents.</summary>
internal sealed class DefinitionInfo
{
    public DefinitionInfo(WorkflowSchema schema, Definition definition, DefinitionInfo? parent)
    {
        Schema = schema;
        Definition = definition;
        AllowedContext = schema.AllowedContext(parent?.AllowedContext ?? [], definition);
    }

    public WorkflowSchema Schema { get; }

    public Definition Definition { get; }

    public IReadOnlyList<string> AllowedContext { get; }

    public DefinitionInfo Child(string definitionName) => new(Schema, Schema.Get(definitionName), this);

    public DefinitionInfo Child(Definition definition) => new(Schema, definition, this);

    public IReadOnlyList<Definition> ScalarDefinitions() => Schema.ScalarDefinitions(Definition);

    public IReadOnlyList<MappingDefinition> MappingDefinitions() => Schema.MappingDefinitions(Definition);

    public IReadOnlyList<Definition> SequenceDefinitions() => Schema.SequenceDefinitions(Definition);
}
