namespace Slipway.Core.Expressions;

/// <summary>
/// Raised inside the evaluator for an expected evaluation failure (a failed cast, a bad format string).
/// It never leaves the engine: <see cref="ParsedExpression.Evaluate"/> turns it into a diagnostic.
/// </summary>
internal sealed class ExpressionEvaluationException : Exception
{
    public ExpressionEvaluationException(string code, string message)
        : base(message) => Code = code;

    public ExpressionEvaluationException()
        : this(ExpressionDiagnosticCodes.TypeCast, "Evaluation failed.")
    {
    }

    public ExpressionEvaluationException(string message)
        : this(ExpressionDiagnosticCodes.TypeCast, message)
    {
    }

    public ExpressionEvaluationException(string message, Exception innerException)
        : base(message, innerException) => Code = ExpressionDiagnosticCodes.TypeCast;

    public string Code { get; }
}
