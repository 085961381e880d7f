namespace Slipway.Core.Expressions;

/// <summary>SLW2xxx: expressions (both dialects).</summary>
internal static class ExpressionDiagnosticCodes
{
    /// <summary>The expression text is not valid syntax (unexpected symbol, unclosed function, ...).</summary>
    public const string Syntax = "SLW2001";

    /// <summary>A word that is neither a literal, a known function nor an allowed named value.</summary>
    public const string UnrecognizedValue = "SLW2002";

    /// <summary>Nested deeper than 50 levels, or longer than the maximum length.</summary>
    public const string TooComplex = "SLW2003";

    /// <summary>The expression is empty.</summary>
    public const string Empty = "SLW2004";

    /// <summary>A value could not be converted to the type a function needs.</summary>
    public const string TypeCast = "SLW2010";

    /// <summary>A format string or format specifier is invalid.</summary>
    public const string Format = "SLW2011";

    /// <summary>A run-state function (status, counter, hashFiles) was evaluated without a host that provides it.</summary>
    public const string NotAvailable = "SLW2012";

    /// <summary>An evaluation produced more data than allowed.</summary>
    public const string TooLarge = "SLW2013";

    /// <summary>A function was given an argument it cannot use (fromJSON of invalid JSON, hashFiles outside the workspace, ...).</summary>
    public const string InvalidArgument = "SLW2014";

    /// <summary>The context file for <c>slipway eval</c> could not be read.</summary>
    public const string ContextFile = "SLW2020";
}
