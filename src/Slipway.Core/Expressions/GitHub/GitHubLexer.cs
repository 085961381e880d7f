using System.Text;

namespace Slipway.Core.Expressions.GitHub;

internal enum GitHubTokenKind
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
    End,
}

/// <summary>A token; <see cref="Text"/> is what error messages show (the unquoted value for strings).</summary>
internal sealed record GitHubToken(GitHubTokenKind Kind, string Text, int Index, double Number = 0, string? StringValue = null);

/// <summary>Splits GitHub expression text into tokens; a malformed token is an "Unexpected symbol" error.</summary>
internal sealed class GitHubLexer(string text)
{
    private readonly List<GitHubToken> _tokens = [];
    private int _start;
    private int _offset;

    /// <summary>The tokens (ending with <see cref="GitHubTokenKind.End"/>), or null and an error message with its index.</summary>
    public List<GitHubToken>? Lex(out string error, out int errorIndex)
    {
        (error, errorIndex) = (string.Empty, 0);
        while (_offset < text.Length)
        {
            _start = _offset;
            var problem = LexOne(text[_offset++]);
            if (problem is not null)
            {
                (error, errorIndex) = ($"Unexpected symbol: '{problem}'. Located at position {_start + 1} within expression: {text}", _start);
                return null;
            }
        }

        _tokens.Add(new GitHubToken(GitHubTokenKind.End, "EOF", text.Length));
        return _tokens;
    }

    private GitHubTokenKind Previous => _tokens.Count == 0 ? GitHubTokenKind.End : _tokens[^1].Kind;

    /// <summary>Reads one token starting with <paramref name="c"/>; returns the offending text when it is malformed.</summary>
    private string? LexOne(char c)
    {
        switch (c)
        {
            case '(': return Add(GitHubTokenKind.LeftParen);
            case ')': return Add(GitHubTokenKind.RightParen);
            case '[': return Add(GitHubTokenKind.LeftBracket);
            case ']': return Add(GitHubTokenKind.RightBracket);
            case ',': return Add(GitHubTokenKind.Comma);
            case '*': return Add(GitHubTokenKind.Star);
            case '.' when Previous is GitHubTokenKind.Identifier or GitHubTokenKind.RightBracket or GitHubTokenKind.RightParen or GitHubTokenKind.Star:
                return Add(GitHubTokenKind.Dot);
            case '.' or '-' or '+' or (>= '0' and <= '9'): return Number();
            case '!': return Add(Match('=') ? GitHubTokenKind.BangEqual : GitHubTokenKind.Bang);
            case '<': return Add(Match('=') ? GitHubTokenKind.LessEqual : GitHubTokenKind.Less);
            case '>': return Add(Match('=') ? GitHubTokenKind.GreaterEqual : GitHubTokenKind.Greater);
            case '=': return Match('=') ? Add(GitHubTokenKind.EqualEqual) : Identifier();
            case '&': return Match('&') ? Add(GitHubTokenKind.And) : Identifier();
            case '|': return Match('|') ? Add(GitHubTokenKind.Or) : Identifier();
            case '\'': return String();
            default: return char.IsWhiteSpace(c) ? null : Identifier();
        }
    }

    private bool Match(char expected)
    {
        if (_offset < text.Length && text[_offset] == expected)
        {
            _offset++;
            return true;
        }

        return false;
    }

    private string? Add(GitHubTokenKind kind, double number = 0, string? value = null)
    {
        var lexeme = text[_start.._offset];
        _tokens.Add(new GitHubToken(kind, value ?? lexeme, _start, number, value));
        return null;
    }

    private string? Number()
    {
        while (_offset < text.Length && (!IsBoundary(text[_offset]) || text[_offset] == '.'))
        {
            _offset++;
        }

        var lexeme = text[_start.._offset];
        var value = JsNumber.Parse(lexeme);
        return double.IsNaN(value) ? lexeme : Add(GitHubTokenKind.Number, value);
    }

    private string? String()
    {
        var value = new StringBuilder();
        while (_offset < text.Length)
        {
            var c = text[_offset++];
            if (c == '\'')
            {
                if (_offset < text.Length && text[_offset] == '\'')
                {
                    _offset++;
                }
                else
                {
                    return Add(GitHubTokenKind.String, value: value.ToString());
                }
            }

            value.Append(c);
        }

        return text[_start..];
    }

    private string? Identifier()
    {
        while (_offset < text.Length && !IsBoundary(text[_offset]))
        {
            _offset++;
        }

        var lexeme = text[_start.._offset];
        if (!IsLegalIdentifier(lexeme))
        {
            return lexeme;
        }

        if (Previous == GitHubTokenKind.Dot)
        {
            return Add(GitHubTokenKind.Identifier);
        }

        return lexeme switch
        {
            "true" => Add(GitHubTokenKind.True),
            "false" => Add(GitHubTokenKind.False),
            "null" => Add(GitHubTokenKind.Null),
            "NaN" => Add(GitHubTokenKind.Number, double.NaN),
            "Infinity" => Add(GitHubTokenKind.Number, double.PositiveInfinity),
            _ => Add(GitHubTokenKind.Identifier),
        };
    }

    private static bool IsBoundary(char c) =>
        c is '(' or '[' or ')' or ']' or ',' or '.' or '!' or '>' or '<' or '=' or '&' or '|' || char.IsWhiteSpace(c);

    private static bool IsLegalIdentifier(string s)
    {
        if (s.Length == 0 || !(char.IsAsciiLetter(s[0]) || s[0] == '_'))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
