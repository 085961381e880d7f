namespace Slipway.Core.Expressions.Azure;

/// <summary>
/// Entry point for the Azure Pipelines dialect:
/// <code>
/// var parsed = AzureExpression.Parse("eq(variables['Build.Reason'], 'PullRequest')", options);
/// var result = parsed.Expression!.Evaluate(context);   // result.Value or result.Error
/// </code>
/// </summary>
internal static class AzureExpression
{
    /// <summary>Named values allowed in template expressions <c>${{ }}</c>.</summary>
    public static IReadOnlyList<string> CompileTimeNames { get; } = ["variables", "parameters", "pipeline", "resources"];

    /// <summary>Named values allowed in runtime conditions and <c>$[ ]</c>.</summary>
    public static IReadOnlyList<string> RuntimeNames { get; } =
        ["variables", "dependencies", "stageDependencies", "pipeline", "resources", "environment"];

    public static ParseResult Parse(string text, ExpressionParseOptions options) => AzureParser.Parse(text, options);
}
