using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Expressions.Syntax;

/// <summary>A node of the expression tree shared by both dialects. <see cref="Position"/> is the 0-based offset in the text.</summary>
internal abstract class ExpressionNode(int position)
{
    public int Position { get; } = position;

    /// <summary>Evaluates the node; expected failures throw <see cref="ExpressionEvaluationException"/>, which the caller turns into a diagnostic.</summary>
    public abstract ExpressionValue Evaluate(EvaluationContext context);
}

/// <summary>A literal: boolean, number, string, version (Azure) or null (GitHub).</summary>
internal sealed class LiteralNode(ExpressionValue value, int position) : ExpressionNode(position)
{
    public ExpressionValue Value { get; } = value;

    public override ExpressionValue Evaluate(EvaluationContext context) => Value;
}

/// <summary>A named value such as <c>variables</c> or <c>github</c>.</summary>
internal sealed class NamedValueNode(string name, int position) : ExpressionNode(position)
{
    public string Name { get; } = name;

    public override ExpressionValue Evaluate(EvaluationContext context) => context.GetNamedValue(Name);
}

/// <summary>A function call (Azure) or operator/function (GitHub); arguments are evaluated by the function, so it can short-circuit.</summary>
internal sealed class CallNode(FunctionDefinition function, IReadOnlyList<ExpressionNode> arguments, int position)
    : ExpressionNode(position)
{
    public FunctionDefinition Function { get; } = function;

    public IReadOnlyList<ExpressionNode> Arguments { get; } = arguments;

    public override ExpressionValue Evaluate(EvaluationContext context) => Function.Invoke(context, Arguments);
}

/// <summary>Evaluates a call: the function receives the context and its unevaluated arguments.</summary>
internal delegate ExpressionValue FunctionBody(EvaluationContext context, IReadOnlyList<ExpressionNode> arguments);

/// <summary>A function's name, arity (checked at parse time) and body.</summary>
internal sealed record FunctionDefinition(string Name, int MinArguments, int MaxArguments, FunctionBody Invoke);
