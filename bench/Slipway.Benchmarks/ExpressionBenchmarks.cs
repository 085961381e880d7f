using BenchmarkDotNet.Attributes;
using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Azure;
using Slipway.Core.Expressions.GitHub;
using Slipway.Core.Expressions.Values;

namespace Slipway.Benchmarks;

/// <summary>A typical pre-parsed condition must evaluate in under 2 µs; parsing is measured too.</summary>
[MemoryDiagnoser]
public class ExpressionBenchmarks
{
    private const string AzureCondition =
        "and(succeeded(), eq(variables['Build.SourceBranch'], 'refs/heads/main'), ne(variables['System.PullRequest.IsFork'], 'True'))";

    private const string GitHubCondition =
        "success() && github.ref == 'refs/heads/main' && !contains(github.event.pull_request.labels.*.name, 'skip-ci')";

    private static readonly ExpressionParseOptions AzureOptions = new() { NamedValues = AzureExpression.RuntimeNames, AllowStatusFunctions = true };
    private static readonly ExpressionParseOptions GitHubOptions = new() { NamedValues = ["github"], AllowStatusFunctions = true };

    private ParsedExpression _azure = null!;
    private ParsedExpression _github = null!;
    private EvaluationContext _azureContext = null!;
    private EvaluationContext _githubContext = null!;

    [GlobalSetup]
    public void Setup()
    {
        _azure = AzureExpression.Parse(AzureCondition, AzureOptions).Expression!;
        _github = GitHubExpression.Parse(GitHubCondition, GitHubOptions).Expression!;
        var variables = Enumerable.Range(0, 200)
            .Select(i => KeyValuePair.Create($"Var.{i}", (ExpressionValue)new StringValue($"value {i}")))
            .Append(KeyValuePair.Create("Build.SourceBranch", (ExpressionValue)new StringValue("refs/heads/main")))
            .Append(KeyValuePair.Create("System.PullRequest.IsFork", (ExpressionValue)new StringValue("False")));
        _azureContext = new EvaluationContext([KeyValuePair.Create("variables", (ExpressionValue)new ObjectValue(variables))], new SucceededHost());
        if (!ValueJson.TryParse("""{"ref":"refs/heads/main","event":{"pull_request":{"labels":[{"name":"bug"},{"name":"docs"}]}}}""", out var github, out var error))
        {
            throw new InvalidOperationException(error);
        }

        _githubContext = new EvaluationContext([KeyValuePair.Create("github", github)], new SucceededHost());
    }

    [Benchmark]
    public bool AzureEvaluatePreParsedCondition() => _azure.Evaluate(_azureContext).Value.ToBoolean();

#pragma warning disable CA1822 // BenchmarkDotNet needs instance methods.
    [Benchmark]
    public bool AzureParseCondition() => AzureExpression.Parse(AzureCondition, AzureOptions).Succeeded;

    [Benchmark]
    public bool GitHubEvaluatePreParsedCondition() => _github.Evaluate(_githubContext).Value.ToBoolean(ExpressionDialect.GitHubActions);

    [Benchmark]
    public bool GitHubParseCondition() => GitHubExpression.Parse(GitHubCondition, GitHubOptions).Succeeded;
#pragma warning restore CA1822

    private sealed class SucceededHost : IExpressionHost
    {
        public bool EvaluateStatus(StatusFunction function, IReadOnlyList<string> names) => function != StatusFunction.Failed;

        public double NextCounter(string prefix, double seed) => seed;

        public string? HashFiles(IReadOnlyList<string> patterns, out string error)
        {
            error = string.Empty;
            return string.Empty;
        }
    }
}
