using System.IO.Pipes;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using static Slipway.Core.Execution.Processes.PosixSpawnInterop;

namespace Slipway.Core.Execution.Processes;

/// <summary>
/// A child started with glibc <c>posix_spawn</c> in a new session (<c>POSIX_SPAWN_SETSID</c>), so it
/// leads its own process group without the extra <c>setsid</c> program (which cost as much as the
/// bash start itself). stdin is <c>/dev/null</c>; stdout and stderr are our own pipes, read through
/// the same epoll-based pipe streams System.Diagnostics.Process uses. The exit is collected by
/// <see cref="ChildReaper"/> (or, without pidfds, a blocking <c>waitpid</c> on a small thread of its own): .NET's SIGCHLD handler only reaps the
/// children it started (unless SIGCHLD was ignored when the process started, which
/// <see cref="ChildProcessStarter"/> checks), so the two never race for a status.
/// </summary>
internal sealed class SpawnedProcess : ChildProcess
{
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly AnonymousPipeClientStream _stdout;
    private readonly AnonymousPipeClientStream? _stderr;

    private SpawnedProcess(int pid, int stdoutFd, int stderrFd)
    {
        Id = pid;
        _stdout = new AnonymousPipeClientStream(PipeDirection.In, new SafePipeHandle(stdoutFd, ownsHandle: true));
        _stderr = stderrFd < 0 ? null : new AnonymousPipeClientStream(PipeDirection.In, new SafePipeHandle(stderrFd, ownsHandle: true));
        if (!ChildReaper.TryWatch(pid, code => _exit.TrySetResult(code)))
        {
            var waiter = new Thread(WaitForExit, maxStackSize: 128 * 1024) { IsBackground = true, Name = "slipway child wait" };
            waiter.Start();
        }
    }

    public override int Id { get; }

    public override Stream StandardOutput => _stdout;

    public override Stream? StandardError => _stderr;

    public override bool HasExited => _exit.Task.IsCompleted;

    public override int ExitCode => _exit.Task.IsCompleted ? _exit.Task.Result : throw new InvalidOperationException("The process has not exited.");

    public override Task WaitForExitAsync(CancellationToken cancellationToken) => _exit.Task.WaitAsync(cancellationToken);

    // The child leads its own group: the runner signals the group, never needs a tree walk.
    public override void KillTree() => ProcessGroups.Signal(Id, GroupSignal.Kill);

    public override void Dispose()
    {
        _stdout.Dispose();
        _stderr?.Dispose();
    }

    /// <summary>Starts the program; a failure (missing program, no permission) is the error text. With
    /// <paramref name="mergeStandardError"/> the child's stdout and stderr are one pipe.</summary>
    public static (ChildProcess? Process, string? Error) Start(
        string executable, IReadOnlyList<string> arguments, IEnumerable<KeyValuePair<string, string>> environment, string workingDirectory,
        bool mergeStandardError = false)
    {
        int[] stdout = [-1, -1], stderr = [-1, -1];
        if (Pipe(stdout, CloseOnExec) != 0 || (!mergeStandardError && Pipe(stderr, CloseOnExec) != 0))
        {
            var error = Marshal.GetLastPInvokeError();
            CloseAll(stdout[0], stdout[1], stderr[0], stderr[1]);
            return (null, Describe(error));
        }

        using var strings = new NativeStrings();
        var argv = strings.Array([executable, .. arguments]);
        var envp = strings.Environment(environment);
        var rc = SpawnWithActions(strings.Add(executable), strings.Add(workingDirectory), argv, envp, stdout[1], mergeStandardError ? stdout[1] : stderr[1], out var pid);
        CloseAll(stdout[1], stderr[1]);
        if (rc != 0)
        {
            CloseAll(stdout[0], stderr[0]);
            return (null, Describe(rc));
        }

        return (new SpawnedProcess(pid, stdout[0], stderr[0]), null);
    }

    // Signals 1-64 set to their default action in the child (a sigset_t's first word, bit n - 1 for signal n):
    // all but those ignored here. Naming them all spares glibc's child a sigaction query per signal, and it
    // covers glibc's own two (SIGCANCEL 32, SIGSETXID 33), which its posix_spawn otherwise leaves ignored
    // after exec, where Process.Start resets them. Read once: nothing here ignores a signal later.
    private static readonly long DefaultSignals = DefaultMask(IgnoredSignals.Read() ?? IgnoredSignals.Bit(PipeSignal));

    private const int PipeSignal = 13;
    private const int CancelSignal = 32;
    private const int SetIdSignal = 33;

    // stdin of every child: one /dev/null opened once (close-on-exec here; dup2 gives the child a plain copy),
    // so the child does not open it again before its exec. The handle stays referenced here for the life of the
    // process (its descriptor must never be closed and reused). Null when it cannot be opened: the child opens it.
    private static readonly SafeFileHandle? DevNullHandle = OpenDevNull();
    private static readonly int? DevNull = DevNullHandle is null ? null : (int)DevNullHandle.DangerousGetHandle();

    private static SafeFileHandle? OpenDevNull()
    {
        try
        {
            return File.OpenHandle("/dev/null");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long DefaultMask(ulong ignored) =>
        (long)~(ignored & ~(IgnoredSignals.Bit(CancelSignal) | IgnoredSignals.Bit(SetIdSignal)));

    private static int SpawnWithActions(IntPtr path, IntPtr directory, IntPtr[] argv, IntPtr[] envp, int stdoutFd, int stderrFd, out int pid)
    {
        var actions = Marshal.AllocHGlobal(FileActionsSize);
        var attributes = Marshal.AllocHGlobal(AttributesSize);
        var signals = Marshal.AllocHGlobal(SignalSetSize);
        try
        {
            _ = FileActionsInit(actions);
            _ = AttributesInit(attributes);
            var devNull = Marshal.StringToCoTaskMemUTF8("/dev/null");
            try
            {
                // A new session (so one kill(-pgid) reaches the whole tree), no blocked signals, and the
                // dispositions Process.Start leaves: ignored signals stay ignored, every other one is reset.
                _ = SignalSetEmpty(signals);
                Marshal.WriteInt64(signals, DefaultSignals);
                int[] setup =
                [
                    DevNull is { } shared ? FileActionsAddDup2(actions, shared, 0) : FileActionsAddOpen(actions, 0, devNull, ReadOnly, 0),
                    FileActionsAddDup2(actions, stdoutFd, 1),
                    FileActionsAddDup2(actions, stderrFd, 2),
                    FileActionsAddChdir(actions, directory),
                    AttributesSetSignalDefault(attributes, signals),
                    SignalSetEmpty(signals),
                    AttributesSetSignalMask(attributes, signals),
                    AttributesSetFlags(attributes, SetSession | SetSignalMask | SetSignalDefault),
                ];
                var failed = Array.Find(setup, rc => rc != 0);
                pid = 0;
                return failed != 0 ? failed : Spawn(out pid, path, actions, attributes, argv, envp);
            }
            finally
            {
                Marshal.FreeCoTaskMem(devNull);
                _ = FileActionsDestroy(actions);
                _ = AttributesDestroy(attributes);
            }
        }
        finally
        {
            Marshal.FreeHGlobal(actions);
            Marshal.FreeHGlobal(attributes);
            Marshal.FreeHGlobal(signals);
        }
    }

    private void WaitForExit()
    {
        while (true)
        {
            if (WaitPid(Id, out var status, 0) == Id)
            {
                _exit.TrySetResult(ChildReaper.ExitCodeOf(status));
                return;
            }

            var error = Marshal.GetLastPInvokeError();
            if (error != Interrupted)
            {
                // ECHILD: someone else collected the status; the process is gone, its code unknown.
                _exit.TrySetResult(-1);
                return;
            }
        }
    }

    private static void CloseAll(params ReadOnlySpan<int> fds)
    {
        foreach (var fd in fds)
        {
            if (fd >= 0)
            {
                _ = PosixSpawnInterop.Close(fd);
            }
        }
    }
}
