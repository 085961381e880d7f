using Slipway.Core.Expressions.Syntax;

namespace Slipway.Core.Expressions.Azure;

internal sealed partial class AzureParser
{
    private enum PendingKind
    {
        Leaf,
        Call,
        Index,
    }

    /// <summary>A node under construction: functions and indexers stay open until ')' or ']'.</summary>
    private sealed class Pending(PendingKind kind, int position)
    {
        public PendingKind Kind { get; } = kind;

        public int Position { get; } = position;

        public ExpressionNode? Leaf { get; init; }

        public FunctionDefinition? Function { get; init; }

        public AzureToken? Token { get; init; }

        public List<Pending> Parameters { get; } = [];

        public bool IsWildcard { get; set; }

        /// <summary>Microsoft counts a wildcard as two indexer parameters ('*' and a flag).</summary>
        public int ParameterCount => Parameters.Count + (IsWildcard ? 2 : 0);
    }

    private sealed class SyntaxError(string code, string message, int index) : Exception(message)
    {
        public string Code { get; } = code;

        public int Index { get; } = index;
    }

    private bool LastIs(params AzureTokenKind[] kinds) => _last is not null && kinds.Contains(_last.Kind);

    private bool FollowsValue() => _last is
    {
        Kind: AzureTokenKind.EndParameter or AzureTokenKind.EndIndex
        or AzureTokenKind.PropertyName or AzureTokenKind.NamedValue or AzureTokenKind.Wildcard
    };

    private bool StartsOperand() => _last is null or { Kind: AzureTokenKind.StartIndex or AzureTokenKind.StartParameter or AzureTokenKind.Separator };

    private void StartIndex() => _containers.Push(WrapLastIntoIndexer());

    private Pending WrapLastIntoIndexer()
    {
        if (!FollowsValue())
        {
            throw Unexpected(_token!);
        }

        var indexer = new Pending(PendingKind.Index, _token!.Index) { Token = _token };
        if (_containers.Count > 0)
        {
            var parameters = _containers.Peek().Parameters;
            indexer.Parameters.Add(parameters[^1]);
            parameters[^1] = indexer;
        }
        else
        {
            indexer.Parameters.Add(_root!);
            _root = indexer;
        }

        return indexer;
    }

    private void Dereference()
    {
        var indexer = WrapLastIntoIndexer();
        if (!Next())
        {
            throw Error(ExpressionDiagnosticCodes.Syntax, "Expected a property name to follow the dereference operator '.'", _last!);
        }

        var token = _token!;
        if (token.Kind == AzureTokenKind.PropertyName)
        {
            indexer.Parameters.Add(Leaf(new Syntax.LiteralNode(new Values.StringValue(token.Raw), token.Index)));
        }
        else if (token.Kind == AzureTokenKind.Wildcard)
        {
            indexer.IsWildcard = true;
        }
        else
        {
            throw Unexpected(token);
        }
    }

    private void Wildcard()
    {
        if (!LastIs(AzureTokenKind.StartIndex))
        {
            throw Unexpected(_token!);
        }

        _containers.Peek().IsWildcard = true;
    }

    private void EndParameter()
    {
        var container = _containers.Count > 0 ? _containers.Peek() : null;
        if (container is not { Kind: PendingKind.Call } || container.Parameters.Count < container.Function!.MinArguments
            || container.Parameters.Count > container.Function.MaxArguments || LastIs(AzureTokenKind.Separator))
        {
            throw Unexpected(_token!);
        }

        _containers.Pop();
    }

    private void EndIndex()
    {
        var container = _containers.Count > 0 ? _containers.Peek() : null;
        if (container is not { Kind: PendingKind.Index } || container.ParameterCount is not (2 or 3))
        {
            throw Unexpected(_token!);
        }

        _containers.Pop();
    }

    private void Separator()
    {
        var container = _containers.Count > 0 ? _containers.Peek() : null;
        if (container is not { Kind: PendingKind.Call } || container.Parameters.Count < 1
            || container.Parameters.Count >= container.Function!.MaxArguments || LastIs(AzureTokenKind.Separator))
        {
            throw Unexpected(_token!);
        }
    }

    private void Function()
    {
        if (!StartsOperand())
        {
            throw Unexpected(_token!);
        }

        var name = _token!;
        if (!Next() || _token!.Kind != AzureTokenKind.StartParameter)
        {
            throw Error(ExpressionDiagnosticCodes.Syntax, "Expected '(' to follow a function", name);
        }

        var call = new Pending(PendingKind.Call, name.Index) { Function = AzureFunctions.Find(name.Raw, _options), Token = name };
        Add(call);
        _containers.Push(call);
    }

    private void Value()
    {
        if (!StartsOperand())
        {
            throw Unexpected(_token!);
        }

        var token = _token!;
        ExpressionNode node = token.Kind == AzureTokenKind.NamedValue
            ? new NamedValueNode(token.Raw, token.Index)
            : new LiteralNode(token.Value!, token.Index);
        Add(Leaf(node));
    }

    private void Add(Pending node)
    {
        if (_root is null)
        {
            _root = node;
        }
        else if (_containers.Count > 0)
        {
            _containers.Peek().Parameters.Add(node);
        }
        else
        {
            throw Unexpected(_token!);
        }
    }

    private static Pending Leaf(ExpressionNode node) => new(PendingKind.Leaf, node.Position) { Leaf = node };

    private SyntaxError Unexpected(AzureToken token) => Error(ExpressionDiagnosticCodes.Syntax, "Unexpected symbol", token);

    private SyntaxError Unrecognized(AzureToken token) => Error(ExpressionDiagnosticCodes.UnrecognizedValue, "Unrecognized value", token);

    private SyntaxError Error(string code, string description, AzureToken token) =>
        new(code, $"{description}: '{token.Raw}'. Located at position {token.Index + 1} within expression: {_text}.", token.Index);
}
