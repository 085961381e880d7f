using System.Globalization;
using System.Text;
using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Expressions.Azure;

/// <summary>
/// Splits Azure expression text into tokens, as Microsoft's engine does: a '.' after a value is a
/// dereference, elsewhere it starts a number (<c>.5</c>); two or more dots make a version.
/// </summary>
internal sealed class AzureLexer(string text, Func<string, AzureTokenKind?> classifyKeyword)
{
    private int _index;
    private AzureToken? _last;

    public bool TryNext(out AzureToken token)
    {
        while (_index < text.Length && char.IsWhiteSpace(text[_index]))
        {
            _index++;
        }

        if (_index >= text.Length)
        {
            token = null!;
            return false;
        }

        var c = text[_index];
        token = c switch
        {
            '[' => Punctuation(AzureTokenKind.StartIndex),
            '(' => Punctuation(AzureTokenKind.StartParameter),
            ']' => Punctuation(AzureTokenKind.EndIndex),
            ')' => Punctuation(AzureTokenKind.EndParameter),
            ',' => Punctuation(AzureTokenKind.Separator),
            '*' => Punctuation(AzureTokenKind.Wildcard),
            '\'' => ReadString(),
            '.' when _last is not (null or { Kind: AzureTokenKind.Separator or AzureTokenKind.StartIndex or AzureTokenKind.StartParameter })
                => Punctuation(AzureTokenKind.Dereference),
            '.' or '-' or (>= '0' and <= '9') => ReadNumberOrVersion(),
            _ => ReadKeyword(),
        };
        _last = token;
        return true;
    }

    public bool TryPeek(out AzureToken token)
    {
        var (index, last) = (_index, _last);
        var result = TryNext(out token);
        (_index, _last) = (index, last);
        return result;
    }

    private AzureToken Punctuation(AzureTokenKind kind)
    {
        var token = new AzureToken(kind, text[_index].ToString(), _index);
        _index++;
        return token;
    }

    private AzureToken ReadNumberOrVersion()
    {
        var start = _index;
        var periods = 0;
        do
        {
            periods += text[_index] == '.' ? 1 : 0;
            _index++;
        }
        while (_index < text.Length && (!IsWhiteSpaceOrPunctuation(text[_index]) || text[_index] == '.'));

        var raw = text[start.._index];
        if (periods >= 2)
        {
            if (Version.TryParse(raw, out var version))
            {
                return new AzureToken(AzureTokenKind.Literal, raw, start, new VersionValue(version));
            }
        }
        else if (decimal.TryParse(raw, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d))
        {
            return new AzureToken(AzureTokenKind.Literal, raw, start, new NumberValue((double)d));
        }

        return new AzureToken(AzureTokenKind.Unrecognized, raw, start);
    }

    private AzureToken ReadKeyword()
    {
        var start = _index;
        _index++;
        while (_index < text.Length && !IsWhiteSpaceOrPunctuation(text[_index]))
        {
            _index++;
        }

        var raw = text[start.._index];
        if (!IsKeyword(raw))
        {
            return new AzureToken(AzureTokenKind.UnknownKeyword, raw, start);
        }

        if (_last is { Kind: AzureTokenKind.Dereference })
        {
            return new AzureToken(AzureTokenKind.PropertyName, raw, start);
        }

        if (string.Equals(raw, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(raw, "false", StringComparison.OrdinalIgnoreCase))
        {
            return new AzureToken(AzureTokenKind.Literal, raw, start, ExpressionValue.From(raw.Length == 4));
        }

        return new AzureToken(classifyKeyword(raw) ?? AzureTokenKind.UnknownKeyword, raw, start);
    }

    private AzureToken ReadString()
    {
        var start = _index;
        var value = new StringBuilder();
        _index++;
        while (_index < text.Length)
        {
            var c = text[_index++];
            if (c == '\'')
            {
                if (_index >= text.Length || text[_index] != '\'')
                {
                    return new AzureToken(AzureTokenKind.Literal, text[start.._index], start, new StringValue(value.ToString()));
                }

                _index++;
            }

            value.Append(c);
        }

        return new AzureToken(AzureTokenKind.Unrecognized, text[start.._index], start);
    }

    private static bool IsKeyword(string s)
    {
        if (s.Length == 0 || !(char.IsAsciiLetter(s[0]) || s[0] == '_'))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWhiteSpaceOrPunctuation(char c) =>
        c is '[' or '(' or ']' or ')' or ',' or '.' || char.IsWhiteSpace(c);
}
