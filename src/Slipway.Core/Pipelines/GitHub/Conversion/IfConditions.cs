using Slipway.Core.Pipelines.GitHub.Expressions;
using Slipway.Core.Pipelines.GitHub.Reading;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Codes = Slipway.Core.Pipelines.GitHub.GitHubWorkflowDiagnosticCodes;

namespace Slipway.Core.Pipelines.GitHub.Conversion;

/// <summary>
/// Converts <c>if:</c> values the way GitHub does: empty means <c>success()</c>; <c>${{ }}</c> is optional;
/// a condition that calls no status function (success, failure, cancelled, always) becomes
/// <c>success() &amp;&amp; (condition)</c>.
/// </summary>
internal static class IfConditions
{
    private static readonly AllowedContext JobContext = new(["github", "vars", "inputs", "needs", "always(0,0)", "failure(0,MAX)", "cancelled(0,0)", "success(0,MAX)"]);

    private static readonly AllowedContext StepContext = new(
    [
        "github", "vars", "inputs", "needs", "strategy", "matrix", "steps", "job", "runner", "env",
        "always(0,0)", "cancelled(0,0)", "failure(0,0)", "success(0,0)", "hashFiles(1,255)",
    ]);

    /// <summary>The condition of a job or step without <c>if:</c> (it has no place in the file).</summary>
    public static BasicExpressionToken Default() => new(Diagnostics.SourceLocation.None, "success()");

    public static BasicExpressionToken? Convert(TemplateToken? token, bool isJob, WorkflowErrors errors)
    {
        if (token is null)
        {
            return new BasicExpressionToken(Diagnostics.SourceLocation.None, "success()");
        }

        var condition = token is BasicExpressionToken expression ? expression.Expression : token.AssertString(isJob ? "Job if" : "Step if").Value;
        if (string.IsNullOrWhiteSpace(condition))
        {
            return new BasicExpressionToken(token.Location, "success()");
        }

        var check = ExpressionChecker.Check(condition, isJob ? JobContext : StepContext);
        if (check.Error is { } error)
        {
            errors.Add(Codes.Expression, error, token);
            return null;
        }

        if (check.IsEmpty)
        {
            return new BasicExpressionToken(token.Location, "success()");
        }

        return new BasicExpressionToken(token.Location, check.HasStatusFunction ? condition : $"success() && ({condition})");
    }
}
