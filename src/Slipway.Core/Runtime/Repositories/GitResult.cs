namespace Slipway.Core.Runtime.Repositories;

/// <summary>How one git invocation ended. A git that could not start is a value too (<see cref="StartError"/>).</summary>
internal sealed record GitResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Why git could not be started (not installed, bad folder); null when it ran.</summary>
    public string? StartError { get; init; }

    public bool Canceled { get; init; }

    public bool TimedOut { get; init; }

    public bool Succeeded => StartError is null && !Canceled && !TimedOut && ExitCode == 0;

    /// <summary>A one-line reason for a failure, for messages ("exit code 128: fatal: ...").</summary>
    public string Describe()
    {
        if (StartError is not null)
        {
            return StartError;
        }

        if (Canceled)
        {
            return "canceled";
        }

        if (TimedOut)
        {
            return "timed out";
        }

        var firstError = StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return firstError is null ? $"exit code {ExitCode}" : $"exit code {ExitCode}: {firstError}";
    }

    public static GitResult NotStarted(string error) => new(-1, string.Empty, string.Empty) { StartError = error };
}
