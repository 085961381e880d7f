using System.Globalization;

namespace Slipway.Core.Expressions.Values;

internal enum ValueKind
{
    Null,
    Boolean,
    Number,
    String,
    Version,
    DateTime,
    Array,
    Object,
}

/// <summary>
/// A value an expression works with. Immutable; arrays and objects may remember the YAML node
/// they were built from so later errors can point at it.
/// </summary>
internal abstract class ExpressionValue
{
    public abstract ValueKind Kind { get; }

    public static ExpressionValue Null => NullValue.Instance;

    public bool IsNull => Kind == ValueKind.Null;

    public static ExpressionValue From(bool value) => value ? BooleanValue.True : BooleanValue.False;

    public static ExpressionValue From(double value) => new NumberValue(value);

    public static ExpressionValue From(string? value) => value is null ? NullValue.Instance : new StringValue(value);

    /// <summary>The text <c>${{ }}</c> interpolation and <c>$[ ]</c> produce (Azure: True/False; GitHub: true/false).</summary>
    public string ToDisplayString(ExpressionDialect dialect = ExpressionDialect.AzurePipelines) =>
        dialect == ExpressionDialect.GitHubActions ? GitHub.GitHubCoercion.ToDisplayString(this) : Azure.AzureCoercion.ToDisplayString(this);

    /// <summary>Truthiness as conditions use it.</summary>
    public bool ToBoolean(ExpressionDialect dialect = ExpressionDialect.AzurePipelines) =>
        dialect == ExpressionDialect.GitHubActions ? GitHub.GitHubCoercion.ToBoolean(this) : Azure.AzureCoercion.ToBoolean(this);

    public override string ToString() => ValueJson.Write(this, indented: false);
}

internal enum ExpressionDialect
{
    AzurePipelines,
    GitHubActions,
}

internal sealed class NullValue : ExpressionValue
{
    public static readonly NullValue Instance = new();

    private NullValue()
    {
    }

    public override ValueKind Kind => ValueKind.Null;
}

internal sealed class BooleanValue : ExpressionValue
{
    public static readonly BooleanValue True = new(true);
    public static readonly BooleanValue False = new(false);

    private BooleanValue(bool value) => Value = value;

    public bool Value { get; }

    public override ValueKind Kind => ValueKind.Boolean;
}

internal sealed class NumberValue(double value) : ExpressionValue
{
    public double Value { get; } = value;

    public override ValueKind Kind => ValueKind.Number;
}

internal sealed class StringValue(string value) : ExpressionValue
{
    public static readonly StringValue Empty = new(string.Empty);

    public string Value { get; } = value;

    public override ValueKind Kind => ValueKind.String;
}

internal sealed class VersionValue(Version value) : ExpressionValue
{
    public Version Value { get; } = value;

    public override ValueKind Kind => ValueKind.Version;
}

internal sealed class DateTimeValue(DateTimeOffset value) : ExpressionValue
{
    public DateTimeOffset Value { get; } = value;

    public override ValueKind Kind => ValueKind.DateTime;

    public string ToInvariantString() => Value.ToString(@"yyyy\-MM\-dd\ HH\:mm\:sszzz", CultureInfo.InvariantCulture);
}
