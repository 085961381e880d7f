using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Slipway.Core.Expressions;
using Slipway.Core.Expressions.GitHub;

namespace Slipway.Core.Pipelines.GitHub.Expressions;

/// <summary>What an expression may use at one place of a workflow (from the schema's <c>context</c> lists).</summary>
internal sealed partial class AllowedContext
{
    private static readonly string[] StatusFunctions = ["success", "failure", "cancelled", "always"];
    private static readonly ConcurrentDictionary<string, AllowedContext> Cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Min, int Max)> _functions = new(StringComparer.OrdinalIgnoreCase);

    public AllowedContext(IEnumerable<string> items)
    {
        var named = new List<string>();
        foreach (var item in items)
        {
            var match = FunctionPattern().Match(item);
            if (match.Success)
            {
                var max = match.Groups[3].Value == "MAX" ? int.MaxValue : int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
                _functions[match.Groups[1].Value] = (int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), max);
            }
            else
            {
                named.Add(item);
            }
        }

        ParseOptions = new ExpressionParseOptions
        {
            NamedValues = named,
            AllowStatusFunctions = StatusFunctions.Any(_functions.ContainsKey),
            AllowHashFiles = _functions.ContainsKey("hashFiles"),
        };
    }

    /// <summary>The allowed context for a schema context list (shared: the schema has few distinct lists).</summary>
    public static AllowedContext For(IReadOnlyList<string> items) =>
        Cache.GetOrAdd(string.Join('\n', items), _ => new AllowedContext(items));

    /// <summary>The options for Slipway's GitHub expression parser that allow exactly these contexts and functions.</summary>
    public ExpressionParseOptions ParseOptions { get; }

    /// <summary>The most arguments a status function may take here (job conditions allow job ids, steps none).</summary>
    public int? MaxArguments(string function) => _functions.TryGetValue(function, out var arity) ? arity.Max : null;

    [GeneratedRegex(@"^([a-zA-Z0-9_]+)\(([0-9]+),([0-9]+|MAX)\)$")]
    private static partial Regex FunctionPattern();
}

/// <summary>The outcome of checking an expression: an error text, or whether it calls a status function.</summary>
internal sealed record ExpressionCheck(string? Error, bool HasStatusFunction, bool IsEmpty);

/// <summary>
/// Checks a GitHub Actions expression with Slipway's GitHub expression parser (same grammar, error texts
/// and positions as GitHub's) against what a place of the workflow allows, and finds status function calls.
/// </summary>
internal static partial class ExpressionChecker
{
    public static ExpressionCheck Check(string expression, AllowedContext allowed)
    {
        var parsed = GitHubExpression.Parse(expression, allowed.ParseOptions);
        if (!parsed.Succeeded)
        {
            return new ExpressionCheck(parsed.Diagnostics[0].Message, false, false);
        }

        var hasStatus = false;
        var code = StringLiteral().Replace(expression, match => new string(' ', match.Length));
        foreach (Match call in StatusCall().Matches(code))
        {
            hasStatus = true;
            var name = call.Groups[1].Value;
            if (allowed.MaxArguments(name) == 0 && call.Groups[2].Value.Length > 0)
            {
                return new ExpressionCheck(
                    $"Too many parameters supplied: '{name}'. Located at position {call.Index + 1} within expression: {expression}", false, false);
            }
        }

        return new ExpressionCheck(null, hasStatus, string.IsNullOrWhiteSpace(expression));
    }

    [GeneratedRegex("'(?:[^']|'')*'")]
    private static partial Regex StringLiteral();

    /// <summary>A call of a status function (in parsed text, an identifier followed by '(' is always a call); group 2 is non-empty when it has arguments.</summary>
    [GeneratedRegex(@"(?<![\w.\-])(success|failure|cancelled|always)\s*\(\s*([^\s)])?", RegexOptions.IgnoreCase)]
    private static partial Regex StatusCall();
}
