namespace Slipway.Cli;

internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The pipeline ran and failed, or was canceled.</summary>
    public const int Failed = 1;

    /// <summary>Invalid pipeline or invalid usage.</summary>
    public const int Invalid = 2;

    public const int InternalError = 70;
}
