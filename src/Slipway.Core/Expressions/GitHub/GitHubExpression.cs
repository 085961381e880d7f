namespace Slipway.Core.Expressions.GitHub;

/// <summary>
/// Entry point for the GitHub Actions dialect:
/// <code>
/// var parsed = GitHubExpression.Parse("github.ref == 'refs/heads/main' &amp;&amp; success()", options);
/// var result = parsed.Expression!.Evaluate(context);
/// </code>
/// An empty expression evaluates to null.
/// </summary>
internal static class GitHubExpression
{
    public static ParseResult Parse(string text, ExpressionParseOptions options) => GitHubParser.Parse(text, options);
}
