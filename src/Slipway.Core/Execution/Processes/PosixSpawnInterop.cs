using System.Runtime.InteropServices;

namespace Slipway.Core.Execution.Processes;

/// <summary>
/// The glibc calls behind <see cref="SpawnedProcess"/>. Only blittable arguments (ints, pointers,
/// pointer arrays), so the project needs no /unsafe and Native AOT needs no marshalling stubs;
/// strings are written as UTF-8 by the caller.
/// </summary>
#pragma warning disable SYSLIB1054 // LibraryImport would require AllowUnsafeBlocks for the whole project.
internal static class PosixSpawnInterop
{
    public const int SetSession = 0x80;    // POSIX_SPAWN_SETSID (glibc >= 2.26)
    public const int SetSignalDefault = 0x04; // POSIX_SPAWN_SETSIGDEF
    public const int SetSignalMask = 0x08; // POSIX_SPAWN_SETSIGMASK
    public const int CloseOnExec = 0x80000; // O_CLOEXEC
    public const int ReadOnly = 0;          // O_RDONLY
    public const int Interrupted = 4;       // EINTR

    // glibc: posix_spawn_file_actions_t is 80 bytes, posix_spawnattr_t 336, sigset_t 128; room to spare.
    public const int FileActionsSize = 256;
    public const int AttributesSize = 512;
    public const int SignalSetSize = 256;

    [DllImport("libc", EntryPoint = "posix_spawn")]
    public static extern int Spawn(out int pid, IntPtr path, IntPtr fileActions, IntPtr attributes, IntPtr[] argv, IntPtr[] envp);

    [DllImport("libc", EntryPoint = "posix_spawn_file_actions_init")]
    public static extern int FileActionsInit(IntPtr fileActions);

    [DllImport("libc", EntryPoint = "posix_spawn_file_actions_destroy")]
    public static extern int FileActionsDestroy(IntPtr fileActions);

    [DllImport("libc", EntryPoint = "posix_spawn_file_actions_adddup2")]
    public static extern int FileActionsAddDup2(IntPtr fileActions, int fd, int newFd);

    [DllImport("libc", EntryPoint = "posix_spawn_file_actions_addopen")]
    public static extern int FileActionsAddOpen(IntPtr fileActions, int fd, IntPtr path, int flags, int mode);

    [DllImport("libc", EntryPoint = "posix_spawn_file_actions_addchdir_np")]
    public static extern int FileActionsAddChdir(IntPtr fileActions, IntPtr path);

    [DllImport("libc", EntryPoint = "posix_spawnattr_init")]
    public static extern int AttributesInit(IntPtr attributes);

    [DllImport("libc", EntryPoint = "posix_spawnattr_destroy")]
    public static extern int AttributesDestroy(IntPtr attributes);

    [DllImport("libc", EntryPoint = "posix_spawnattr_setflags")]
    public static extern int AttributesSetFlags(IntPtr attributes, short flags);

    [DllImport("libc", EntryPoint = "posix_spawnattr_setsigmask")]
    public static extern int AttributesSetSignalMask(IntPtr attributes, IntPtr signalSet);

    [DllImport("libc", EntryPoint = "posix_spawnattr_setsigdefault")]
    public static extern int AttributesSetSignalDefault(IntPtr attributes, IntPtr signalSet);

    [DllImport("libc", EntryPoint = "sigemptyset")]
    public static extern int SignalSetEmpty(IntPtr signalSet);

    [DllImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    public static extern int Pipe(int[] fds, int flags);

    [DllImport("libc", EntryPoint = "close")]
    public static extern int Close(int fd);

    [DllImport("libc", EntryPoint = "waitpid", SetLastError = true)]
    public static extern int WaitPid(int pid, out int status, int options);

    public static string Describe(int error) => new System.ComponentModel.Win32Exception(error).Message;
}
#pragma warning restore SYSLIB1054
