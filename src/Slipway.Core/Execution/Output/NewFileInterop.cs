using System.Runtime.InteropServices;
using System.Text;

namespace Slipway.Core.Execution.Output;

/// <summary>
/// <c>open(2)</c> for a file that must not exist yet. .NET's own open adds an fstat, an fstatfs, an advisory
/// <c>flock</c> and (for sequential files) an fadvise to every file; the run creates a few files per step
/// (logs, scripts, file-command files) that nothing else locks, so those calls are pure cost there.
/// </summary>
#pragma warning disable SYSLIB1054 // LibraryImport would require AllowUnsafeBlocks for the whole project.
internal static class NewFileInterop
{
    private const int WriteOnly = 0x1;      // O_WRONLY
    private const int Create = 0x40;        // O_CREAT
    private const int Exclusive = 0x80;     // O_EXCL
    private const int CloseOnExec = 0x80000; // O_CLOEXEC
    private const int Interrupted = 4;      // EINTR

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags, int mode);

    /// <summary>The new file's descriptor, or null when it could not be created (it exists, or any other error: the caller falls back to .NET).</summary>
    public static Microsoft.Win32.SafeHandles.SafeFileHandle? TryCreateNew(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(path.Length) + 1];
        bytes[Encoding.UTF8.GetBytes(path, bytes)] = 0;
        int fd;
        do
        {
            fd = Open(bytes, WriteOnly | Create | Exclusive | CloseOnExec, Convert.ToInt32("666", 8));
        }
        while (fd < 0 && Marshal.GetLastPInvokeError() == Interrupted);

        return fd < 0 ? null : new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true);
    }
}
#pragma warning restore SYSLIB1054
