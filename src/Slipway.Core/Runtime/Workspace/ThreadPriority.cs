using System.Runtime.InteropServices;

namespace Slipway.Core.Runtime.Workspace;

/// <summary>Lowers the calling thread's CPU priority (Linux: a thread's nice value is its own).</summary>
#pragma warning disable SYSLIB1054 // LibraryImport would require AllowUnsafeBlocks for the whole project.
internal static class ThreadPriority
{
    private const int ProcessWhich = 0; // PRIO_PROCESS: with a thread id, that thread alone
    private const int Lowest = 19;

    public static void Lower()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = SetPriority(ProcessWhich, GetThreadId(), Lowest);
        }
        catch (EntryPointNotFoundException)
        {
            // An older libc without gettid(): the thread keeps its priority.
        }
    }

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);
}
#pragma warning restore SYSLIB1054
