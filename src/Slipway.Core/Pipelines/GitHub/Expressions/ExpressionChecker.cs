using System.Globalization;
using System.Text.RegularExpressions;

namespace Slipway.Core.Pipelines.GitHub.Expressions;

/// <summary>What an expression may use at one place of a workflow (from the schema's <c>context</c> lists).</summary>
internal sealed partial class AllowedContext
{
    private static readonly Dictionary<string, (int Min, int Max)> BuiltIns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["case"] = (3, int.MaxValue),
        ["contains"] = (2, 2),
        ["endswith"] = (2, 2),
        ["format"] = (1, 255),
        ["fromjson"] = (1, 1),
        ["join"] = (1, 2),
        ["startswith"] = (2, 2),
        ["tojson"] = (1, 1),
    };

    private readonly HashSet<string> _named = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (int Min, int Max)> _functions = new(StringComparer.OrdinalIgnoreCase);

    public AllowedContext(IEnumerable<string> items)
    {
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
                _named.Add(item);
            }
        }
    }

    public bool IsNamedValue(string name) => _named.Contains(name);

    public (int Min, int Max)? Function(string name) =>
        BuiltIns.TryGetValue(name, out var builtIn) ? builtIn : _functions.TryGetValue(name, out var ext) ? ext : null;

    [GeneratedRegex(@"^([a-zA-Z0-9_]+)\(([0-9]+),([0-9]+|MAX)\)$")]
    private static partial Regex FunctionPattern();
}

/// <summary>The outcome of checking an expression: an error text, or whether it calls a status function.</summary>
internal sealed record ExpressionCheck(string? Error, bool HasStatusFunction, bool IsEmpty);

/// <summary>
/// Parses a GitHub Actions expression with GitHub's grammar and precedence (<c>||</c> &lt; <c>&amp;&amp;</c> &lt;
/// equality &lt; comparison &lt; <c>!</c> &lt; index/property), checking named values and function arity.
/// </summary>
internal sealed class ExpressionChecker
{
    private const int MaxDepth = 50;
    private static readonly string[] StatusFunctions = ["success", "failure", "cancelled", "always"];

    private readonly string _input;
    private readonly AllowedContext _allowed;
    private IReadOnlyList<ExprToken> _tokens = [];
    private int _offset;
    private int _depth;
    private bool _hasStatus;

    private ExpressionChecker(string input, AllowedContext allowed)
    {
        _input = input;
        _allowed = allowed;
    }

    public static ExpressionCheck Check(string expression, AllowedContext allowed)
    {
        var checker = new ExpressionChecker(expression, allowed);
        try
        {
            checker._tokens = new ExpressionLexer(expression).Lex();
            if (checker.AtEnd)
            {
                return new ExpressionCheck(null, false, true);
            }

            checker.Expression();
            if (!checker.AtEnd)
            {
                throw checker.Error("Unexpected symbol", checker.Peek);
            }

            return new ExpressionCheck(null, checker._hasStatus, false);
        }
        catch (ExpressionSyntaxException e)
        {
            return new ExpressionCheck(e.Message, false, false);
        }
    }

    private bool AtEnd => Peek.Type == ExprTokenType.Eof;

    private ExprToken Peek => _tokens[_offset];

    private ExprToken Prev => _tokens[_offset - 1];

    private bool Check(ExprTokenType type) => !AtEnd && Peek.Type == type;

    private bool Match(params ExprTokenType[] types)
    {
        foreach (var type in types)
        {
            if (Check(type))
            {
                _offset++;
                return true;
            }
        }

        return false;
    }

    private ExpressionSyntaxException Error(string description, ExprToken token) =>
        new($"{description}: '{(token.Type == ExprTokenType.Eof ? "EOF" : token.Lexeme)}'. Located at position {token.Start + 1} within expression: {_input}");

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"Exceeded max expression depth {MaxDepth}", Peek);
        }
    }

    private void Expression()
    {
        Enter();
        Binary(0);
        _depth--;
    }

    private static readonly ExprTokenType[][] Levels =
    [
        [ExprTokenType.Or],
        [ExprTokenType.And],
        [ExprTokenType.BangEqual, ExprTokenType.EqualEqual],
        [ExprTokenType.Greater, ExprTokenType.GreaterEqual, ExprTokenType.Less, ExprTokenType.LessEqual],
    ];

    private void Binary(int level)
    {
        if (level == Levels.Length)
        {
            Unary();
            return;
        }

        Binary(level + 1);
        var entered = false;
        while (Match(Levels[level]))
        {
            if (level < 2 && !entered)
            {
                Enter();
                entered = true;
            }

            Binary(level + 1);
        }

        if (entered)
        {
            _depth--;
        }
    }

    private void Unary()
    {
        if (Match(ExprTokenType.Bang))
        {
            Enter();
            Unary();
            _depth--;
            return;
        }

        Index();
    }

    private void Index()
    {
        var accessible = Call();
        if (!accessible)
        {
            return;
        }

        var entered = 0;
        while (true)
        {
            if (Match(ExprTokenType.LeftBracket))
            {
                if (!Match(ExprTokenType.Star))
                {
                    Expression();
                }

                Consume(ExprTokenType.RightBracket);
            }
            else if (Match(ExprTokenType.Dot))
            {
                if (!Match(ExprTokenType.Identifier) && !Match(ExprTokenType.Star))
                {
                    throw Error("Unexpected symbol", Peek);
                }
            }
            else
            {
                break;
            }

            Enter();
            entered++;
        }

        _depth -= entered;
    }

    /// <summary>Reads a call, a named value or a primary; true when the result may be indexed.</summary>
    private bool Call()
    {
        if (!Check(ExprTokenType.Identifier))
        {
            return Primary();
        }

        var identifier = _tokens[_offset++];
        if (!Match(ExprTokenType.LeftParen))
        {
            if (!_allowed.IsNamedValue(identifier.Lexeme))
            {
                throw Error("Unrecognized named-value", identifier);
            }

            return true;
        }

        var count = 0;
        while (!Match(ExprTokenType.RightParen))
        {
            Expression();
            count++;
            if (!Check(ExprTokenType.RightParen))
            {
                Consume(ExprTokenType.Comma);
            }
        }

        CheckFunction(identifier, count);
        return true;
    }

    private void CheckFunction(ExprToken identifier, int count)
    {
        var arity = _allowed.Function(identifier.Lexeme) ?? throw Error("Unrecognized function", identifier);
        if (count < arity.Min)
        {
            throw Error("Too few parameters supplied", identifier);
        }

        if (count > arity.Max)
        {
            throw Error("Too many parameters supplied", identifier);
        }

        if (string.Equals(identifier.Lexeme, "case", StringComparison.OrdinalIgnoreCase) && count % 2 == 0)
        {
            throw Error("Even number of parameters supplied, requires an odd number of parameters", identifier);
        }

        _hasStatus |= StatusFunctions.Contains(identifier.Lexeme, StringComparer.OrdinalIgnoreCase);
    }

    private bool Primary()
    {
        if (Match(ExprTokenType.False, ExprTokenType.True, ExprTokenType.Null, ExprTokenType.Number, ExprTokenType.String))
        {
            return false;
        }

        if (Match(ExprTokenType.LeftParen))
        {
            Expression();
            if (AtEnd)
            {
                throw Error("Unexpected end of expression", Prev);
            }

            Consume(ExprTokenType.RightParen);
            return true;
        }

        if (AtEnd)
        {
            throw Error("Unexpected end of expression", _offset > 0 ? Prev : Peek);
        }

        throw Error("Unexpected symbol", Peek);
    }

    private void Consume(ExprTokenType type)
    {
        if (Check(type))
        {
            _offset++;
            return;
        }

        if (AtEnd)
        {
            throw Error("Unexpected end of expression", Prev);
        }

        throw Error("Unexpected symbol", Peek);
    }
}
