using Slipway.Core.Diagnostics;
using Slipway.Core.Expressions.Syntax;
using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Expressions.Azure;

/// <summary>
/// Parses Azure Pipelines expression syntax (function calls, indexers, dereference, <c>*</c>) with
/// Microsoft's token-by-token validation, so errors name the same symbol and position as Azure DevOps.
/// </summary>
internal sealed partial class AzureParser
{
    public const int MaxDepth = 50;
    public const int MaxLength = 21000;
    private const int MaxTreeDepth = 1000;

    private readonly string _text;
    private readonly ExpressionParseOptions _options;
    private readonly HashSet<string> _namedValues;
    private readonly AzureLexer _lexer;
    private readonly Stack<Pending> _containers = new();
    private AzureToken? _token;
    private AzureToken? _last;
    private Pending? _root;

    private AzureParser(string text, ExpressionParseOptions options)
    {
        _text = text;
        _options = options;
        _namedValues = new HashSet<string>(options.NamedValues, StringComparer.OrdinalIgnoreCase);
        _lexer = new AzureLexer(text, Classify);
    }

    public static ParseResult Parse(string text, ExpressionParseOptions options)
    {
        if (text.Length > MaxLength)
        {
            return Fail(options, ExpressionDiagnosticCodes.TooComplex, $"Exceeded max expression length {MaxLength}", 0);
        }

        var parser = new AzureParser(text, options);
        try
        {
            var root = parser.Run();
            if (root is null)
            {
                return Fail(options, ExpressionDiagnosticCodes.Empty, "The expression is empty.", 0);
            }

            var node = Build(root, 0);
            return new ParseResult(new ParsedExpression(node, text, ExpressionDialect.AzurePipelines, options.Location), []);
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

    private AzureTokenKind? Classify(string word)
    {
        if (AzureFunctions.Find(word, _options) is not null)
        {
            return AzureTokenKind.Function;
        }

        return _namedValues.Contains(word) ? AzureTokenKind.NamedValue : null;
    }

    private Pending? Run()
    {
        while (Next())
        {
            Handle(_token!);
            if (_containers.Count >= MaxDepth)
            {
                throw new SyntaxError(ExpressionDiagnosticCodes.TooComplex, $"Exceeded max expression depth {MaxDepth}", 0);
            }
        }

        if (_containers.Count > 0)
        {
            var open = _containers.Peek();
            var what = open.Kind == PendingKind.Call ? "Unclosed function" : "Unclosed indexer";
            throw Error(ExpressionDiagnosticCodes.Syntax, what, open.Token!);
        }

        return _root;
    }

    private void Handle(AzureToken token)
    {
        switch (token.Kind)
        {
            case AzureTokenKind.StartIndex:
                StartIndex();
                break;
            case AzureTokenKind.EndIndex:
                EndIndex();
                break;
            case AzureTokenKind.EndParameter:
                EndParameter();
                break;
            case AzureTokenKind.Separator:
                Separator();
                break;
            case AzureTokenKind.Dereference:
                Dereference();
                break;
            case AzureTokenKind.Wildcard:
                Wildcard();
                break;
            case AzureTokenKind.Function:
                Function();
                break;
            case AzureTokenKind.Literal:
            case AzureTokenKind.NamedValue:
                Value();
                break;
            case AzureTokenKind.UnknownKeyword:
            case AzureTokenKind.Unrecognized:
                throw Unrecognized(token);
            default:
                throw Unexpected(token);
        }
    }

    private bool Next()
    {
        _last = _token;
        if (_lexer.TryNext(out var token))
        {
            _token = token;
            return true;
        }

        return false;
    }

    private static ExpressionNode Build(Pending p, int depth)
    {
        if (depth > MaxTreeDepth)
        {
            throw new SyntaxError(ExpressionDiagnosticCodes.TooComplex, $"Exceeded max expression depth {MaxDepth}", 0);
        }

        return p.Kind switch
        {
            PendingKind.Leaf => p.Leaf!,
            PendingKind.Call => new CallNode(p.Function!, p.Parameters.Select(a => Build(a, depth + 1)).ToArray(), p.Position),
            _ => new IndexNode(Build(p.Parameters[0], depth + 1), p.IsWildcard ? null : Build(p.Parameters[1], depth + 1),
                p.IsWildcard, ExpressionDialect.AzurePipelines, p.Position),
        };
    }
}
