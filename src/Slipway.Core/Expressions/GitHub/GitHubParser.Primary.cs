using Slipway.Core.Expressions.Syntax;
using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Expressions.GitHub;

internal sealed partial class GitHubParser
{
    private bool AtEnd => Peek.Kind == GitHubTokenKind.End;

    private GitHubToken Peek => _tokens[_offset];

    private GitHubToken Previous => _tokens[_offset - 1];

    /// <summary>Property and index access; only after a group, a function call or a named value.</summary>
    private ExpressionNode Index()
    {
        var (node, indexable) = Call();
        if (!indexable)
        {
            return node;
        }

        var entered = 0;
        while (true)
        {
            if (Match(GitHubTokenKind.LeftBracket))
            {
                var position = Previous.Index;
                var star = Match(GitHubTokenKind.Star);
                var index = star ? null : Expression();
                Consume(GitHubTokenKind.RightBracket);
                Enter();
                entered++;
                node = new IndexNode(node, index, star, ExpressionDialect.GitHubActions, position);
            }
            else if (Match(GitHubTokenKind.Dot))
            {
                Enter();
                entered++;
                node = Property(node);
            }
            else
            {
                break;
            }
        }

        _depth -= entered;
        return node;
    }

    private IndexNode Property(ExpressionNode target)
    {
        var position = Previous.Index;
        if (Match(GitHubTokenKind.Identifier))
        {
            var name = Previous;
            return new IndexNode(target, new LiteralNode(new StringValue(name.Text), name.Index), false, ExpressionDialect.GitHubActions, position);
        }

        if (Match(GitHubTokenKind.Star))
        {
            return new IndexNode(target, null, true, ExpressionDialect.GitHubActions, position);
        }

        throw Error("Unexpected symbol", Peek);
    }

    private (ExpressionNode Node, bool Indexable) Call()
    {
        if (!Check(GitHubTokenKind.Identifier))
        {
            return Primary();
        }

        var name = Next();
        if (!Match(GitHubTokenKind.LeftParen))
        {
            if (!_contexts.Contains(name.Text))
            {
                throw Error("Unrecognized named-value", name, ExpressionDiagnosticCodes.UnrecognizedValue);
            }

            return (new NamedValueNode(name.Text, name.Index), true);
        }

        var args = new List<ExpressionNode>();
        while (!Match(GitHubTokenKind.RightParen))
        {
            args.Add(Expression());
            if (!Check(GitHubTokenKind.RightParen))
            {
                Consume(GitHubTokenKind.Comma);
            }
        }

        return (new CallNode(ValidateFunction(name, args.Count), args, name.Index), true);
    }

    private FunctionDefinition ValidateFunction(GitHubToken name, int count)
    {
        var function = GitHubFunctions.Find(name.Text, _options)
            ?? throw Error("Unrecognized function", name, ExpressionDiagnosticCodes.UnrecognizedValue);
        if (count < function.MinArguments)
        {
            throw Error("Too few parameters supplied", name);
        }

        if (count > function.MaxArguments)
        {
            throw Error("Too many parameters supplied", name);
        }

        if (function == GitHubFunctions.Case && count % 2 == 0)
        {
            throw Error("Even number of parameters supplied, requires an odd number of parameters", name);
        }

        return function;
    }

    private (ExpressionNode Node, bool Indexable) Primary()
    {
        var token = Peek;
        ExpressionValue? literal = token.Kind switch
        {
            GitHubTokenKind.False => BooleanValue.False,
            GitHubTokenKind.True => BooleanValue.True,
            GitHubTokenKind.Null => ExpressionValue.Null,
            GitHubTokenKind.Number => new NumberValue(token.Number),
            GitHubTokenKind.String => new StringValue(token.StringValue ?? string.Empty),
            _ => null,
        };
        if (literal is not null)
        {
            Next();
            return (new LiteralNode(literal, token.Index), false);
        }

        if (Match(GitHubTokenKind.LeftParen))
        {
            var inner = Expression();
            if (AtEnd)
            {
                throw Error("Unexpected end of expression", Previous);
            }

            Consume(GitHubTokenKind.RightParen);
            return (inner, true);
        }

        throw AtEnd ? Error("Unexpected end of expression", _offset > 0 ? Previous : Peek) : Error("Unexpected symbol", Peek);
    }

    private bool Check(GitHubTokenKind kind) => !AtEnd && Peek.Kind == kind;

    private bool Match(params GitHubTokenKind[] kinds)
    {
        foreach (var kind in kinds)
        {
            if (Check(kind))
            {
                Next();
                return true;
            }
        }

        return false;
    }

    private GitHubToken Next()
    {
        if (!AtEnd)
        {
            _offset++;
        }

        return Previous;
    }

    private void Consume(GitHubTokenKind kind)
    {
        if (!Match(kind))
        {
            throw Error("Unexpected symbol", Peek);
        }
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"Exceeded max expression depth {MaxDepth}", Peek, ExpressionDiagnosticCodes.TooComplex);
        }
    }

    private SyntaxError Error(string description, GitHubToken token, string code = ExpressionDiagnosticCodes.Syntax) =>
        new(code, $"{description}: '{token.Text}'. Located at position {token.Index + 1} within expression: {_text}", token.Index);

    private sealed class SyntaxError(string code, string message, int index) : Exception(message)
    {
        public string Code { get; } = code;

        public int Index { get; } = index;
    }
}
