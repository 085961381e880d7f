using Slipway.Core.Diagnostics;
using Slipway.Core.Expressions.Syntax;
using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Expressions;

/// <summary>
/// A parsed expression: parse once (e.g. at compile time), evaluate many times (e.g. at run time).
/// Thread-safe: evaluation keeps no state in the tree.
/// </summary>
internal sealed class ParsedExpression(ExpressionNode root, string text, ExpressionDialect dialect, SourceLocation location)
{
    public ExpressionNode Root { get; } = root;

    public string Text { get; } = text;

    public ExpressionDialect Dialect { get; } = dialect;

    public SourceLocation Location { get; } = location;

    /// <summary>Evaluates; an expected failure (failed cast, bad format string, missing host) becomes a diagnostic, never an exception.</summary>
    public EvaluationResult Evaluate(EvaluationContext context)
    {
        EvaluationBudget.Reset();
        try
        {
            return new EvaluationResult(Root.Evaluate(context), null);
        }
        catch (ExpressionEvaluationException e)
        {
            var message = e.Code == ExpressionDiagnosticCodes.TooLarge ? e.Message + Text : e.Message;
            return new EvaluationResult(ExpressionValue.Null, Diagnostic.Error(e.Code, message, Location));
        }
    }
}

/// <summary>The value of an evaluation, or the error that stopped it.</summary>
internal sealed record EvaluationResult(ExpressionValue Value, Diagnostic? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>The parsed expression, or the diagnostics that explain why the text is not valid.</summary>
internal sealed record ParseResult(ParsedExpression? Expression, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Expression is not null;
}
