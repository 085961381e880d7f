using System.Text;
using Slipway.Core.Pipelines.GitHub.Expressions;
using Slipway.Core.Pipelines.GitHub.Schema;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Codes = Slipway.Core.Pipelines.GitHub.GitHubWorkflowDiagnosticCodes;

namespace Slipway.Core.Pipelines.GitHub.Reading;

/// <summary>Splitting strings into literal text and <c>${{ }}</c> expressions (GitHub's rules).</summary>
internal sealed partial class TemplateReader
{
    private const string Open = "${{";
    private const string InsertDirective = "insert";

    private TemplateToken ParseScalar(TemplateToken token, DefinitionInfo definition)
    {
        if (token is not StringToken text || text.Value.Length == 0)
        {
            return token;
        }

        var raw = text.Value;
        var start = raw.IndexOf(Open, StringComparison.Ordinal);
        if (start < 0)
        {
            return token;
        }

        var segments = new List<TemplateToken>();
        var failed = false;
        var i = 0;
        while (i < raw.Length)
        {
            if (i == start)
            {
                var end = FindClose(raw, ref i, start);
                if (end < 0)
                {
                    errors.Add(Codes.Expression,
                        "The expression is not closed. An unescaped ${{ sequence was found, but the closing }} sequence was not found.", token);
                    return token;
                }

                var expression = ParseExpression(text, raw[(start + Open.Length)..(end - 1)], definition);
                if (expression is null)
                {
                    failed = true;
                }
                else if (expression is InsertExpressionToken && (start != 0 || i < raw.Length))
                {
                    errors.Add(Codes.Expression,
                        $"The directive '{InsertDirective}' is not allowed in this context. Directives are not supported for expressions that are embedded within a string. Directives are only supported when the entire value is an expression.",
                        token);
                    return token;
                }
                else
                {
                    segments.Add(expression);
                }

                start = raw.IndexOf(Open, i, StringComparison.Ordinal);
            }
            else if (start >= 0 && i < start)
            {
                AddText(segments, text, raw[i..start]);
                i = start;
            }
            else
            {
                AddText(segments, text, raw[i..]);
                break;
            }
        }

        return failed ? token : Combine(segments, text, definition);
    }

    private static int FindClose(string raw, ref int i, int start)
    {
        var inString = false;
        for (i = start + Open.Length; i < raw.Length; i++)
        {
            if (raw[i] == '\'')
            {
                inString = !inString;
            }
            else if (!inString && raw[i] == '}' && raw[i - 1] == '}')
            {
                var end = i;
                i++;
                return end;
            }
        }

        return -1;
    }

    private static void AddText(List<TemplateToken> segments, StringToken origin, string value)
    {
        if (segments.Count > 0 && segments[^1] is StringToken last)
        {
            segments[^1] = new StringToken(origin.Location, last.Value + value);
        }
        else
        {
            segments.Add(new StringToken(origin.Location, value));
        }
    }

    private TemplateToken Combine(List<TemplateToken> segments, StringToken origin, DefinitionInfo definition)
    {
        if (segments.Count == 1 && segments[0] is BasicExpressionToken only)
        {
            return LiteralStringOf(only.Expression) is { } literal ? new StringToken(origin.Location, literal) : only;
        }

        if (segments.Count == 1)
        {
            return segments[0];
        }

        var format = new StringBuilder();
        var args = new StringBuilder();
        var index = 0;
        foreach (var segment in segments)
        {
            if (segment is StringToken s)
            {
                format.Append(s.Value.Replace("'", "''", StringComparison.Ordinal)
                    .Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
            }
            else
            {
                format.Append('{').Append(index++).Append('}');
                args.Append(", ").Append(((BasicExpressionToken)segment).Expression);
            }
        }

        var expression = $"format('{format}'{args})";
        if (expression.Length > Slipway.Core.Expressions.GitHub.GitHubParser.MaxLength)
        {
            errors.Add(Codes.Expression, $"Exceeded max expression length {Slipway.Core.Expressions.GitHub.GitHubParser.MaxLength}", origin);
            return origin;
        }

        return new BasicExpressionToken(origin.Location, expression) { Definition = definition };
    }

    private TemplateToken? ParseExpression(StringToken token, string value, DefinitionInfo definition)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            errors.Add(Codes.Expression, "An expression was expected", token);
            return null;
        }

        if (trimmed.StartsWith(InsertDirective, StringComparison.Ordinal)
            && (trimmed.Length == InsertDirective.Length || char.IsWhiteSpace(trimmed[InsertDirective.Length])))
        {
            var parameters = trimmed[InsertDirective.Length..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            if (parameters == 0)
            {
                return new InsertExpressionToken(token.Location) { Definition = definition };
            }

            errors.Add(Codes.Expression,
                $"Exactly 0 parameter(s) were expected following the directive '{InsertDirective}'. Actual parameter count: {parameters}", token);
            return null;
        }

        var check = ExpressionChecker.Check(trimmed, AllowedContext.For(definition.AllowedContext));
        if (check.Error is { } error)
        {
            errors.Add(Codes.Expression, error, token);
            return null;
        }

        return new BasicExpressionToken(token.Location, trimmed) { Definition = definition };
    }

    /// <summary>An expression that is only a string literal (<c>${{ '{{ x }}' }}</c>) becomes that text.</summary>
    private static string? LiteralStringOf(string expression)
    {
        var result = new StringBuilder();
        var inString = false;
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (c == '\'')
            {
                inString = !inString;
                if (inString && i != 0)
                {
                    result.Append(c);
                }
            }
            else if (!inString)
            {
                return null;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
