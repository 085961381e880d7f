namespace Slipway.Core.Runtime;

/// <summary>Diagnostic codes of <c>slipway run</c>: SLW6500-SLW6999.</summary>
internal static class RuntimeDiagnosticCodes
{
    public const string UnknownTask = "SLW6500";
    public const string ReadOnlyVariable = "SLW6501";
    public const string StepFailed = "SLW6502";
    public const string StepTimedOut = "SLW6503";
    public const string JobTimedOut = "SLW6504";
    public const string Canceled = "SLW6505";
    public const string ConditionError = "SLW6506";
    public const string RetryClamped = "SLW6507";
    public const string MissingShell = "SLW6508";
    public const string SelectionNotFound = "SLW6509";
    public const string BadSecretsFile = "SLW6510";
    public const string MatrixError = "SLW6511";
    public const string VariableExpressionError = "SLW6512";
    public const string LogProblem = "SLW6513";
    public const string CommandProblem = "SLW6514";
}
