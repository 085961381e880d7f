using Slipway.Core.Expressions.Syntax;
using Slipway.Core.Expressions.Values;
using static Slipway.Core.Expressions.GitHub.GitHubCoercion;

namespace Slipway.Core.Expressions.GitHub;

/// <summary>GitHub Actions operators and functions (spec GHA-EXPR-6/7, GHA-FN-1..9). Function arguments are evaluated eagerly, operators short-circuit.</summary>
internal static partial class GitHubFunctions
{
    /// <summary><c>&amp;&amp;</c>: the first falsy operand, or the last one.</summary>
    public static readonly FunctionDefinition And = new("&&", 2, int.MaxValue, (c, a) => Logical(c, a, stopWhen: false));

    /// <summary><c>||</c>: the first truthy operand, or the last one.</summary>
    public static readonly FunctionDefinition Or = new("||", 2, int.MaxValue, (c, a) => Logical(c, a, stopWhen: true));

    public static readonly FunctionDefinition Not = new("!", 1, 1, (c, a) => ExpressionValue.From(!ToBoolean(a[0].Evaluate(c))));

    public static readonly FunctionDefinition Case = new("case", 3, int.MaxValue, CaseOf);

    private static readonly Dictionary<GitHubTokenKind, FunctionDefinition> Operators = new()
    {
        [GitHubTokenKind.EqualEqual] = Binary("==", (l, r) => AreEqual(l, r)),
        [GitHubTokenKind.BangEqual] = Binary("!=", (l, r) => !AreEqual(l, r)),
        [GitHubTokenKind.Greater] = Binary(">", (l, r) => Compare(l, r) > 0),
        [GitHubTokenKind.GreaterEqual] = Binary(">=", (l, r) => AreEqual(l, r) || Compare(l, r) > 0),
        [GitHubTokenKind.Less] = Binary("<", (l, r) => Compare(l, r) < 0),
        [GitHubTokenKind.LessEqual] = Binary("<=", (l, r) => AreEqual(l, r) || Compare(l, r) < 0),
    };

    private static readonly Dictionary<string, FunctionDefinition> WellKnown = new FunctionDefinition[]
    {
        Case,
        Eager("contains", 2, 2, Contains),
        Eager("startsWith", 2, 2, a => StringTest(a, (l, r) => l.StartsWith(r, StringComparison.Ordinal))),
        Eager("endsWith", 2, 2, a => StringTest(a, (l, r) => l.EndsWith(r, StringComparison.Ordinal))),
        Eager("format", 1, 255, a => new StringValue(GitHubFormat.Format(a))),
        Eager("join", 1, 2, Join),
        Eager("toJSON", 1, 1, a => new StringValue(EvaluationBudget.Charge(ValueJson.Write(a[0], indented: true, JsonNumber)))),
        Eager("fromJSON", 1, 1, FromJson),
    }.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, FunctionDefinition> Status = new FunctionDefinition[]
    {
        new("always", 0, 0, (c, a) => BooleanValue.True),
        new("success", 0, 255, (c, a) => StatusOf(c, a, StatusFunction.Succeeded, "success")),
        new("failure", 0, 255, (c, a) => StatusOf(c, a, StatusFunction.Failed, "failure")),
        new("cancelled", 0, 0, (c, a) => StatusOf(c, a, StatusFunction.Canceled, "cancelled")),
    }.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    private static readonly FunctionDefinition HashFiles = new("hashFiles", 1, 255, HashFilesOf);

    public static FunctionDefinition Operator(GitHubTokenKind kind) => Operators[kind];

    /// <summary>The function a name refers to under these options (case-insensitive), or null.</summary>
    public static FunctionDefinition? Find(string name, ExpressionParseOptions options)
    {
        if (WellKnown.TryGetValue(name, out var function))
        {
            return function;
        }

        if (options.AllowStatusFunctions && Status.TryGetValue(name, out function))
        {
            return function;
        }

        return options.AllowHashFiles && string.Equals(name, "hashFiles", StringComparison.OrdinalIgnoreCase) ? HashFiles : null;
    }

    private static FunctionDefinition Binary(string name, Func<ExpressionValue, ExpressionValue, bool> test) =>
        new(name, 2, 2, (c, a) => ExpressionValue.From(test(a[0].Evaluate(c), a[1].Evaluate(c))));

    private static FunctionDefinition Eager(string name, int min, int max, Func<ExpressionValue[], ExpressionValue> body) =>
        new(name, min, max, (c, a) => body(a.Select(n => n.Evaluate(c)).ToArray()));

    private static ExpressionValue Logical(EvaluationContext c, IReadOnlyList<ExpressionNode> a, bool stopWhen)
    {
        var result = ExpressionValue.Null;
        foreach (var arg in a)
        {
            result = arg.Evaluate(c);
            if (ToBoolean(result) == stopWhen)
            {
                break;
            }
        }

        return result;
    }

    private static ExpressionValue CaseOf(EvaluationContext c, IReadOnlyList<ExpressionNode> a)
    {
        var args = a.Select(n => n.Evaluate(c)).ToArray();
        for (var i = 0; i < args.Length - 1; i += 2)
        {
            if (args[i] is not BooleanValue predicate)
            {
                throw new ExpressionEvaluationException(ExpressionDiagnosticCodes.InvalidArgument, "case predicate must evaluate to a boolean value");
            }

            if (predicate.Value)
            {
                return args[i + 1];
            }
        }

        return args[^1];
    }

    private static ExpressionValue StatusOf(EvaluationContext c, IReadOnlyList<ExpressionNode> a, StatusFunction function, string name)
    {
        var names = a.Select(n => ToDisplayString(n.Evaluate(c))).ToList();
        return ExpressionValue.From(c.RequireHost(name).EvaluateStatus(function, names));
    }

    private static StringValue HashFilesOf(EvaluationContext c, IReadOnlyList<ExpressionNode> a)
    {
        var patterns = a.Select(n => ToDisplayString(n.Evaluate(c))).ToList();
        var hash = c.RequireHost("hashFiles").HashFiles(patterns, out var error);
        return hash is null
            ? throw new ExpressionEvaluationException(ExpressionDiagnosticCodes.InvalidArgument, error)
            : new StringValue(hash);
    }
}
