namespace Slipway.Core.Expressions;

/// <summary>
/// Caps the text one evaluation may build (format, join, replace, JSON), as Microsoft's and GitHub's
/// engines cap memory at 1 MB, so <c>format('{0}{0}...', format(...))</c> nesting fails fast instead of
/// exhausting memory. Per thread and reset by <see cref="ParsedExpression.Evaluate"/>; evaluation is synchronous.
/// </summary>
internal static class EvaluationBudget
{
    /// <summary>1 MB of UTF-16 text.</summary>
    public const int MaxChars = 512 * 1024;

    [ThreadStatic]
    private static long t_used;

    public static void Reset() => t_used = 0;

    /// <summary>Fails when text of <paramref name="pendingChars"/> more characters would exceed the budget.</summary>
    public static void Check(int pendingChars)
    {
        if (t_used + pendingChars > MaxChars)
        {
            throw new ExpressionEvaluationException(ExpressionDiagnosticCodes.TooLarge,
                "The maximum allowed memory size was exceeded while evaluating the following expression: ");
        }
    }

    /// <summary>Records a string a function produced.</summary>
    public static string Charge(string produced)
    {
        Check(produced.Length);
        t_used += produced.Length;
        return produced;
    }
}
