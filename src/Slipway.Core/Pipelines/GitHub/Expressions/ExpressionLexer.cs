using System.Globalization;

namespace Slipway.Core.Pipelines.GitHub.Expressions;

internal enum ExprTokenType
{
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Dot,
    Bang,
    BangEqual,
    EqualEqual,
    Greater,
    GreaterEqual,
    Less,
    LessEqual,
    And,
    Or,
    Star,
    Number,
    String,
    Identifier,
    True,
    False,
    Null,
    Eof,
}

internal sealed record ExprToken(ExprTokenType Type, string Lexeme, int Start, string? StringValue = null);

/// <summary>
/// Splits a GitHub Actions expression into tokens, with GitHub's rules for numbers, strings and
/// identifiers and its error texts ("Unexpected symbol: 'x'. Located at position N within expression: E").
/// </summary>
/// <remarks>
/// Used to validate <c>${{ }}</c> values and <c>if:</c> conditions while reading a workflow. The full
/// expression engine (evaluation) lives in Slipway.Core.Expressions; this checker only needs syntax.
/// </remarks>
internal sealed class ExpressionLexer(string input)
{
    public const int MaxExpressionLength = 21000;

    private readonly List<ExprToken> _tokens = [];
    private int _start;
    private int _offset;

    public IReadOnlyList<ExprToken> Lex()
    {
        if (input.Length > MaxExpressionLength)
        {
            throw new ExpressionSyntaxException($"Exceeded max expression length {MaxExpressionLength}");
        }

        while (_offset < input.Length)
        {
            _start = _offset;
            LexOne(input[_offset++]);
        }

        _start = _offset;
        _tokens.Add(new ExprToken(ExprTokenType.Eof, string.Empty, _offset));
        return _tokens;
    }

    private void LexOne(char c)
    {
        switch (c)
        {
            case '(': Add(ExprTokenType.LeftParen); break;
            case ')': Add(ExprTokenType.RightParen); break;
            case '[': Add(ExprTokenType.LeftBracket); break;
            case ']': Add(ExprTokenType.RightBracket); break;
            case ',': Add(ExprTokenType.Comma); break;
            case '*': Add(ExprTokenType.Star); break;
            case '.':
                if (Previous is ExprTokenType.Identifier or ExprTokenType.RightBracket or ExprTokenType.RightParen or ExprTokenType.Star)
                {
                    Add(ExprTokenType.Dot);
                }
                else
                {
                    ConsumeNumber();
                }

                break;
            case '-' or '+': ConsumeNumber(); break;
            case '!': Add(Match('=') ? ExprTokenType.BangEqual : ExprTokenType.Bang); break;
            case '<': Add(Match('=') ? ExprTokenType.LessEqual : ExprTokenType.Less); break;
            case '>': Add(Match('=') ? ExprTokenType.GreaterEqual : ExprTokenType.Greater); break;
            case '=': Pair('=', ExprTokenType.EqualEqual); break;
            case '&': Pair('&', ExprTokenType.And); break;
            case '|': Pair('|', ExprTokenType.Or); break;
            case ' ' or '\r' or '\t' or '\n': break;
            case '\'': ConsumeString(); break;
            default:
                if (char.IsAsciiDigit(c))
                {
                    ConsumeNumber();
                }
                else
                {
                    ConsumeIdentifier();
                }

                break;
        }
    }

    private ExprTokenType Previous => _tokens.Count == 0 ? ExprTokenType.Eof : _tokens[^1].Type;

    private bool Match(char expected)
    {
        if (_offset < input.Length && input[_offset] == expected)
        {
            _offset++;
            return true;
        }

        return false;
    }

    private void Pair(char second, ExprTokenType type)
    {
        if (Match(second))
        {
            Add(type);
        }
        else
        {
            ConsumeIdentifier();
        }
    }

    private void Add(ExprTokenType type, string? value = null) =>
        _tokens.Add(new ExprToken(type, input[_start.._offset], _start, value));

    private ExpressionSyntaxException Unexpected(string lexeme) =>
        new($"Unexpected symbol: '{lexeme}'. Located at position {_start + 1} within expression: {input}");

    private void ConsumeNumber()
    {
        while (_offset < input.Length && (!IsBoundary(input[_offset]) || input[_offset] == '.'))
        {
            _offset++;
        }

        var lexeme = input[_start.._offset];
        if (double.IsNaN(JsNumber.Parse(lexeme)))
        {
            throw Unexpected(lexeme);
        }

        Add(ExprTokenType.Number);
    }

    private void ConsumeString()
    {
        while (_offset < input.Length && (input[_offset] != '\'' || Peek(1) == '\''))
        {
            if (input[_offset] == '\'')
            {
                _offset++;
            }

            _offset++;
        }

        if (_offset >= input.Length)
        {
            throw Unexpected(input[_start..]);
        }

        _offset++;
        Add(ExprTokenType.String, input[(_start + 1)..(_offset - 1)].Replace("''", "'", StringComparison.Ordinal));
    }

    private char Peek(int ahead) => _offset + ahead < input.Length ? input[_offset + ahead] : '\0';

    private void ConsumeIdentifier()
    {
        while (_offset < input.Length && !IsBoundary(input[_offset]))
        {
            _offset++;
        }

        var lexeme = input[_start.._offset];
        var type = ExprTokenType.Identifier;
        if (Previous != ExprTokenType.Dot)
        {
            type = lexeme switch
            {
                "true" => ExprTokenType.True,
                "false" => ExprTokenType.False,
                "null" => ExprTokenType.Null,
                "NaN" or "Infinity" => ExprTokenType.Number,
                _ => ExprTokenType.Identifier,
            };
        }

        if (!IsLegalIdentifier(lexeme))
        {
            throw Unexpected(lexeme);
        }

        Add(type);
    }

    private static bool IsBoundary(char c) =>
        c is '(' or '[' or ')' or ']' or ',' or '.' or '!' or '>' or '<' or '=' or '&' or '|' || char.IsWhiteSpace(c);

    private static bool IsLegalIdentifier(string text)
    {
        if (text.Length == 0 || !(char.IsAsciiLetter(text[0]) || text[0] == '_'))
        {
            return false;
        }

        foreach (var c in text.AsSpan(1))
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Converts text to a number the way JavaScript's <c>Number(text)</c> does.</summary>
internal static class JsNumber
{
    public static double Parse(string text)
    {
        var s = text.Trim();
        if (s.Length == 0)
        {
            return 0;
        }

        if (s.Length > 2 && s[0] == '0' && s[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            return ParseRadix(s[2..], s[1] is 'x' or 'X' ? 16 : s[1] is 'o' or 'O' ? 8 : 2);
        }

        var body = s[0] is '+' or '-' ? s[1..] : s;
        if (body == "Infinity")
        {
            return s[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
        }

        if (!IsDecimal(body))
        {
            return double.NaN;
        }

        return double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static double ParseRadix(string digits, int radix)
    {
        double value = 0;
        foreach (var c in digits)
        {
            var d = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (d >= radix)
            {
                return double.NaN;
            }

            value = (value * radix) + d;
        }

        return value;
    }

    private static bool IsDecimal(string s)
    {
        var i = 0;
        var digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
            digits++;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }

            var exponentStart = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == exponentStart)
            {
                return false;
            }
        }

        return i == s.Length;
    }
}

internal sealed class ExpressionSyntaxException(string message) : Exception(message);
