namespace Slipway.Core.Execution.Processes;

/// <summary>
/// A started child as <see cref="ProcessRunner"/> sees it: two output pipes and an exit. Linux uses
/// <see cref="SpawnedProcess"/> (posix_spawn into a new session); elsewhere <see cref="DotnetProcess"/>
/// wraps System.Diagnostics.Process (through util-linux <c>setsid</c> when it exists).
/// </summary>
internal abstract class ChildProcess : IDisposable
{
    /// <summary>The process id; also its process group id when the platform has groups.</summary>
    public abstract int Id { get; }

    public abstract Stream StandardOutput { get; }

    /// <summary>The standard error pipe; null when it is the standard output's (<see cref="ProcessSpec.MergeStandardError"/>).</summary>
    public abstract Stream? StandardError { get; }

    public abstract bool HasExited { get; }

    /// <summary>The exit status, or 128 + the signal that ended the process.</summary>
    public abstract int ExitCode { get; }

    public abstract Task WaitForExitAsync(CancellationToken cancellationToken);

    /// <summary>Kills the process and what it started (used when there are no process groups).</summary>
    public abstract void KillTree();

    public abstract void Dispose();
}
