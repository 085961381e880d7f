using System.Runtime.InteropServices;

namespace Slipway.Core.Execution.Processes;

/// <summary>The Linux calls behind <see cref="ChildReaper"/> (blittable arguments only, as <see cref="PosixSpawnInterop"/>).</summary>
#pragma warning disable SYSLIB1054 // LibraryImport would require AllowUnsafeBlocks for the whole project.
internal static class ReaperInterop
{
    public const int CloseOnExec = 0x80000; // EPOLL_CLOEXEC = O_CLOEXEC
    public const int EpollAdd = 1;          // EPOLL_CTL_ADD
    public const int EpollDelete = 2;       // EPOLL_CTL_DEL
    public const uint EpollIn = 0x001;      // EPOLLIN: a pidfd is readable once its process has exited
    public const int NoSystemCall = 38;     // ENOSYS

    /// <summary><c>struct epoll_event</c>: packed on x86-64 (12 bytes).</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    public struct EpollEvent
    {
        public uint Events;
        public ulong Data;
    }

    [DllImport("libc", EntryPoint = "pidfd_open", SetLastError = true)]
    public static extern int PidFdOpen(int pid, uint flags);

    [DllImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    public static extern int EpollCreate(int flags);

    [DllImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    public static extern int EpollCtl(int epoll, int operation, int fd, ref EpollEvent registration);

    [DllImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    public static extern int EpollWait(int epoll, [Out] EpollEvent[] events, int maxEvents, int timeout);
}
#pragma warning restore SYSLIB1054
