using Slipway.Core.Diagnostics;
using Slipway.Core.Expressions.Syntax;
using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Expressions.GitHub;

/// <summary>
/// Parses GitHub Actions expression syntax. Precedence, high to low: grouping/index/property,
/// <c>!</c>, <c>&lt; &lt;= &gt; &gt;=</c>, <c>== !=</c>, <c>&amp;&amp;</c>, <c>||</c> (spec GHA-EXPR-2).
/// </summary>
internal sealed partial class GitHubParser
{
    public const int MaxDepth = 50;
    public const int MaxLength = 21000;

    private readonly string _text;
    private readonly ExpressionParseOptions _options;
    private readonly HashSet<string> _contexts;
    private readonly List<GitHubToken> _tokens;
    private int _offset;
    private int _depth;

    private GitHubParser(string text, ExpressionParseOptions options, List<GitHubToken> tokens)
    {
        _text = text;
        _options = options;
        _tokens = tokens;
        _contexts = new HashSet<string>(options.NamedValues, StringComparer.OrdinalIgnoreCase);
    }

    public static ParseResult Parse(string text, ExpressionParseOptions options)
    {
        if (text.Length > MaxLength)
        {
            return Fail(options, ExpressionDiagnosticCodes.TooComplex, $"Exceeded max expression length {MaxLength}", 0);
        }

        var tokens = new GitHubLexer(text).Lex(out var lexError, out var lexIndex);
        if (tokens is null)
        {
            return Fail(options, ExpressionDiagnosticCodes.Syntax, lexError, lexIndex);
        }

        var parser = new GitHubParser(text, options, tokens);
        try
        {
            var root = parser.ParseAll();
            return new ParseResult(new ParsedExpression(root, text, ExpressionDialect.GitHubActions, options.Location), []);
        }
        catch (SyntaxError e)
        {
            return Fail(options, e.Code, e.Message, e.Index);
        }
    }

    private static ParseResult Fail(ExpressionParseOptions options, string code, string message, int index)
    {
        var at = options.Location;
        var location = at.IsKnown ? at with { Column = at.Column + index } : at;
        return new ParseResult(null, [Diagnostic.Error(code, message, location)]);
    }

    private ExpressionNode ParseAll()
    {
        if (AtEnd)
        {
            return new LiteralNode(ExpressionValue.Null, 0);
        }

        var result = Expression();
        if (!AtEnd)
        {
            throw Error("Unexpected symbol", Peek);
        }

        return result;
    }

    private ExpressionNode Expression()
    {
        Enter();
        var node = Logical(GitHubTokenKind.Or, GitHubFunctions.Or, () => Logical(GitHubTokenKind.And, GitHubFunctions.And, Equality));
        _depth--;
        return node;
    }

    private ExpressionNode Logical(GitHubTokenKind op, FunctionDefinition function, Func<ExpressionNode> operand)
    {
        var first = operand();
        if (!Check(op))
        {
            return first;
        }

        Enter();
        var position = Peek.Index;
        var args = new List<ExpressionNode> { first };
        while (Match(op))
        {
            args.Add(operand());
        }

        _depth--;
        return new CallNode(function, args, position);
    }

    private ExpressionNode Equality()
    {
        var left = Comparison();
        while (Match(GitHubTokenKind.BangEqual, GitHubTokenKind.EqualEqual))
        {
            var op = Previous;
            left = new CallNode(GitHubFunctions.Operator(op.Kind), [left, Comparison()], op.Index);
        }

        return left;
    }

    private ExpressionNode Comparison()
    {
        var left = Unary();
        while (Match(GitHubTokenKind.Greater, GitHubTokenKind.GreaterEqual, GitHubTokenKind.Less, GitHubTokenKind.LessEqual))
        {
            var op = Previous;
            left = new CallNode(GitHubFunctions.Operator(op.Kind), [left, Unary()], op.Index);
        }

        return left;
    }

    private ExpressionNode Unary()
    {
        if (!Match(GitHubTokenKind.Bang))
        {
            return Index();
        }

        Enter();
        var op = Previous;
        var operand = Unary();
        _depth--;
        return new CallNode(GitHubFunctions.Not, [operand], op.Index);
    }
}
