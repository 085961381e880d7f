using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Azure;
using static Slipway.Core.Tests.Expressions.ExpressionTestSupport;

namespace Slipway.Core.Tests.Expressions;

/// <summary>Spec AZP-EXPR-35 (counter), AZP-EXPR-43 (status functions), AZP-COND-2: run state comes from the host.</summary>
public sealed class AzureRunStateTests
{
    private static readonly ExpressionParseOptions Runtime = new()
    {
        NamedValues = AzureExpression.RuntimeNames,
        AllowStatusFunctions = true,
        AllowCounter = true,
    };

    private static EvaluationResult Run(string text, IExpressionHost host, string context = """{"variables":{}}""")
    {
        var parsed = AzureExpression.Parse(text, Runtime);
        Assert.True(parsed.Succeeded, parsed.Diagnostics.Count > 0 ? parsed.Diagnostics[0].Message : null);
        var values = ContextFromJson(context);
        return parsed.Expression!.Evaluate(new EvaluationContext(values.Names.Select(n => KeyValuePair.Create(n, values.GetNamedValue(n))), host));
    }

    [Fact]
    public void TC_04_CounterPerPrefix_StartsAtSeedAndResumes()
    {
        var host = new FakeHost();
        Assert.Equal("100", Run("counter(variables['major'], 100)", host, """{"variables":{"major":"1"}}""").Value.ToDisplayString());
        Assert.Equal("101", Run("counter(variables['major'], 100)", host, """{"variables":{"major":"1"}}""").Value.ToDisplayString());
        Assert.Equal("100", Run("counter(variables['major'], 100)", host, """{"variables":{"major":"2"}}""").Value.ToDisplayString());
        Assert.Equal("102", Run("counter(variables['major'], 100)", host, """{"variables":{"major":"1"}}""").Value.ToDisplayString());
    }

    [Fact]
    public void AZP_EXPR_35_CounterNotAllowedOutsideVariableDefinitions()
    {
        var result = AzureExpression.Parse("counter('x', 1)", new ExpressionParseOptions { AllowStatusFunctions = true });
        Assert.Contains("Unrecognized value: 'counter'", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZP_EXPR_43_StatusFunctionsAskTheHostWithNames()
    {
        var host = new FakeHost { Failed = true };
        Assert.True(Run("failed('A', 'B')", host).Value.ToBoolean());
        Assert.Equal((StatusFunction.Failed, "A,B"), host.LastStatus);
        Assert.False(Run("succeeded()", host).Value.ToBoolean());
        Assert.True(Run("always()", host).Value.ToBoolean());
        Assert.True(Run("succeededOrFailed()", host).Value.ToBoolean());
    }

    [Fact]
    public void AZP_COND_2_CustomConditionMustAskForSucceeded()
    {
        var host = new FakeHost { Failed = true };
        const string context = """{"variables":{"Build.SourceBranch":"refs/heads/main"}}""";
        Assert.True(Run("eq(variables['Build.SourceBranch'], 'refs/heads/main')", host, context).Value.ToBoolean());
        Assert.False(Run("and(succeeded(), eq(variables['Build.SourceBranch'], 'refs/heads/main'))", host, context).Value.ToBoolean());
    }

    [Fact]
    public void AZP_EXPR_43_StatusFunctionsAreUnknownAtCompileTime()
    {
        var result = AzureExpression.Parse("succeeded()", new ExpressionParseOptions { NamedValues = AzureExpression.CompileTimeNames });
        Assert.Equal(ExpressionDiagnosticCodes.UnrecognizedValue, result.Diagnostics[0].Code);
    }

    [Fact]
    public void AZP_EXPR_43_WithoutAHostEvaluationReportsNotAvailable()
    {
        var parsed = AzureExpression.Parse("succeeded()", new ExpressionParseOptions { AllowStatusFunctions = true }).Expression!;
        var result = parsed.Evaluate(EvaluationContext.Empty);
        Assert.Equal(ExpressionDiagnosticCodes.NotAvailable, result.Error!.Code);
    }

    internal sealed class FakeHost : IExpressionHost
    {
        private readonly Dictionary<string, double> _counters = [];

        public bool Failed { get; init; }

        public (StatusFunction, string) LastStatus { get; private set; }

        public bool EvaluateStatus(StatusFunction function, IReadOnlyList<string> names)
        {
            LastStatus = (function, string.Join(',', names));
            return function switch
            {
                StatusFunction.Always => true,
                StatusFunction.Failed => Failed,
                StatusFunction.Succeeded => !Failed,
                StatusFunction.SucceededOrFailed => true,
                _ => false,
            };
        }

        public double NextCounter(string prefix, double seed)
        {
            var next = _counters.TryGetValue(prefix, out var last) ? last + 1 : seed;
            _counters[prefix] = next;
            return next;
        }

        public string? HashFiles(IReadOnlyList<string> patterns, out string error)
        {
            error = string.Empty;
            return string.Join('|', patterns);
        }
    }
}
