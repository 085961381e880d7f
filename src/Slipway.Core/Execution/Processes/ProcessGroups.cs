using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Slipway.Core.Execution.Processes;

internal enum GroupSignal
{
    Interrupt = 2,
    Kill = 9,
    Terminate = 15,
}

/// <summary>
/// The one platform seam for process trees. On Linux and macOS each step starts in its own session
/// and process group (posix_spawn with POSIX_SPAWN_SETSID, or util-linux <c>setsid</c>), so one <c>kill(-pgid)</c> reaches every
/// descendant, including background jobs that were re-parented. Elsewhere (or without setsid) the
/// fallback kills the tree .NET can still see.
/// </summary>
internal static class ProcessGroups
{
    private const int NoSuchProcess = 3;
    private static readonly Lazy<string?> SetsidPathLazy = new(FindSetsid);

    public static string? SetsidPath => SetsidPathLazy.Value;

    public static bool Supported => ChildProcessStarter.UsesPosixSpawn || SetsidPath is not null;

    /// <summary>Sends a signal to every process of the group. False when the group no longer exists.</summary>
    public static bool Signal(int groupId, GroupSignal signal)
    {
        if (!Supported || groupId <= 1)
        {
            return false;
        }

        var rc = Kill(-groupId, (int)signal);
        return rc == 0 || Marshal.GetLastPInvokeError() != NoSuchProcess;
    }

    /// <summary>Sends a signal to one process. False when it no longer exists.</summary>
    public static bool SignalProcess(int pid, GroupSignal signal)
    {
        if (OperatingSystem.IsWindows() || pid <= 1)
        {
            return false;
        }

        return Kill(pid, (int)signal) == 0;
    }

    /// <summary>Fallback when there are no process groups: kill the tree below the process.</summary>
    public static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static string? FindSetsid()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        string[] candidates = ["/usr/bin/setsid", "/bin/setsid", "/usr/local/bin/setsid"];
        return candidates.FirstOrDefault(File.Exists);
    }

    // A plain DllImport: two ints marshal without unsafe code, so the project needs no /unsafe.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport would require AllowUnsafeBlocks for the whole project.
    private static extern int Kill(int pid, int signal);
#pragma warning restore SYSLIB1054
}
