using Slipway.Core.Pipelines.GitHub.Tokens;

namespace Slipway.Core.Pipelines.GitHub.Conversion;

/// <summary>
/// A token of an unexpected type met while converting; caught at the job (or workflow) boundary of the
/// converter and reported as an error there, the way GitHub's converter does.
/// </summary>
internal sealed class ConversionException(TemplateToken token, string message) : Exception(message)
{
    public TemplateToken Token { get; } = token;
}

internal static class TokenAsserts
{
    public static StringToken AssertString(this TemplateToken token, string what) =>
        token as StringToken ?? throw Unexpected(token, what, "StringToken");

    public static MappingToken AssertMapping(this TemplateToken token, string what) =>
        token as MappingToken ?? throw Unexpected(token, what, "MappingToken");

    public static SequenceToken AssertSequence(this TemplateToken token, string what) =>
        token as SequenceToken ?? throw Unexpected(token, what, "SequenceToken");

    public static BooleanToken AssertBoolean(this TemplateToken token, string what) =>
        token as BooleanToken ?? throw Unexpected(token, what, "BooleanToken");

    public static TemplateToken AssertScalar(this TemplateToken token, string what) =>
        token.IsScalar ? token : throw Unexpected(token, what, "ScalarToken");

    private static ConversionException Unexpected(TemplateToken token, string what, string expected) =>
        new(token, $"Unexpected type '{token.TypeName}' encountered while reading '{what}'. The type '{expected}' was expected.");
}
