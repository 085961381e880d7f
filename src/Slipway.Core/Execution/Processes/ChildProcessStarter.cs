using System.Runtime.InteropServices;

namespace Slipway.Core.Execution.Processes;

/// <summary>
/// Picks how children start: <see cref="SpawnedProcess"/> on Linux with a libc that has
/// <c>posix_spawn_file_actions_addchdir_np</c> (glibc >= 2.29), else <see cref="DotnetProcess"/>.
/// posix_spawn is also skipped when SIGCHLD was ignored at start-up: .NET then reaps every child
/// (waitpid(-1)) and would take our exit statuses. The CLI calls <see cref="Initialize"/> first thing
/// in Main, before .NET installs its own SIGCHLD handler and the original disposition is hidden.
/// </summary>
internal static class ChildProcessStarter
{
    private const int ChildSignal = 17; // SIGCHLD on Linux
    private static readonly Lazy<bool> PosixSpawnLazy = new(DetectPosixSpawn);

    /// <summary>Whether children start through posix_spawn in a new session.</summary>
    public static bool UsesPosixSpawn => PosixSpawnLazy.Value;

    /// <summary>Decides now (reads the signal dispositions while they are still the inherited ones).</summary>
    public static void Initialize() => _ = PosixSpawnLazy.Value;

    /// <summary>Starts the program; <paramref name="mergeStandardError"/>: one pipe for stdout and stderr where posix_spawn
    /// is used (elsewhere two, as always).</summary>
    public static (ChildProcess? Process, string? Error) Start(
        string executable, IReadOnlyList<string> arguments, IEnumerable<KeyValuePair<string, string>> environment, string workingDirectory,
        bool mergeStandardError = false) =>
        UsesPosixSpawn
            ? SpawnedProcess.Start(executable, arguments, environment, workingDirectory, mergeStandardError)
            : DotnetProcess.Start(executable, arguments, environment, workingDirectory);

    private static bool DetectPosixSpawn()
    {
        if (!OperatingSystem.IsLinux()
            || !NativeLibrary.TryLoad("libc.so.6", out var libc)
            || !NativeLibrary.TryGetExport(libc, "posix_spawn_file_actions_addchdir_np", out _))
        {
            return false;
        }

        return !ChildSignalIgnored();
    }

    private static bool ChildSignalIgnored() =>
        IgnoredSignals.Read() is not { } mask || IgnoredSignals.Contains(mask, ChildSignal); // no /proc: be safe
}
