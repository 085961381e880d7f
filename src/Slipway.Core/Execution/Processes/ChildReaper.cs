using System.Runtime.InteropServices;

namespace Slipway.Core.Execution.Processes;

/// <summary>
/// Collects the exit status of every child <see cref="SpawnedProcess"/> starts, on one thread for the
/// whole process: each child gets a pidfd (readable once it has exited) in one epoll set, and the
/// thread reaps with <c>waitpid</c> on the pid it woke for, so it never takes a status that belongs to
/// System.Diagnostics.Process. A thread per child cost a thread start (and its hand-shake) per step.
/// Without pidfds (Linux before 5.3, or a libc without <c>pidfd_open</c>) <see cref="TryWatch"/> says
/// no and the caller waits on a thread of its own.
/// </summary>
internal static class ChildReaper
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<int, (int PidFd, Action<int> OnExit)> Watched = [];
    private static int _epoll = -1;
    private static bool _unavailable;

    /// <summary>Calls <paramref name="onExit"/> (on the reaper thread) with the exit code once the child has ended.</summary>
    public static bool TryWatch(int pid, Action<int> onExit)
    {
        lock (Gate)
        {
            if (_unavailable || !EnsureStarted())
            {
                return false;
            }

            int pidFd;
            try
            {
                pidFd = ReaperInterop.PidFdOpen(pid, 0);
            }
            catch (EntryPointNotFoundException)
            {
                _unavailable = true;
                return false;
            }

            if (pidFd < 0)
            {
                _unavailable = Marshal.GetLastPInvokeError() == ReaperInterop.NoSystemCall;
                return false;
            }

            var registration = new ReaperInterop.EpollEvent { Events = ReaperInterop.EpollIn, Data = (ulong)pid };
            if (ReaperInterop.EpollCtl(_epoll, ReaperInterop.EpollAdd, pidFd, ref registration) != 0)
            {
                _ = PosixSpawnInterop.Close(pidFd);
                return false;
            }

            Watched[pid] = (pidFd, onExit);
            return true;
        }
    }

    /// <summary>As Process.ExitCode: the exit status, or 128 + the signal that ended the process.</summary>
    public static int ExitCodeOf(int status) => (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);

    private static bool EnsureStarted()
    {
        if (_epoll >= 0)
        {
            return true;
        }

        var epoll = ReaperInterop.EpollCreate(ReaperInterop.CloseOnExec);
        if (epoll < 0)
        {
            _unavailable = true;
            return false;
        }

        _epoll = epoll;
        new Thread(Run, maxStackSize: 256 * 1024) { IsBackground = true, Name = "slipway reaper" }.Start();
        return true;
    }

    private static void Run()
    {
        var events = new ReaperInterop.EpollEvent[64];
        while (true)
        {
            var count = ReaperInterop.EpollWait(_epoll, events, events.Length, -1);
            for (var i = 0; i < count; i++)
            {
                Reap((int)events[i].Data);
            }
        }
    }

    private static void Reap(int pid)
    {
        (int PidFd, Action<int> OnExit) watch;
        lock (Gate)
        {
            if (!Watched.Remove(pid, out watch))
            {
                return;
            }
        }

        int result, status;
        do
        {
            result = PosixSpawnInterop.WaitPid(pid, out status, 0);
        }
        while (result < 0 && Marshal.GetLastPInvokeError() == PosixSpawnInterop.Interrupted);

        // Out of the set first: a child being spawned right now holds a copy of every descriptor until
        // its exec, and a closed pidfd with a copy alive would stay in the set and wake us in a loop.
        var none = default(ReaperInterop.EpollEvent);
        _ = ReaperInterop.EpollCtl(_epoll, ReaperInterop.EpollDelete, watch.PidFd, ref none);
        _ = PosixSpawnInterop.Close(watch.PidFd);
        // ECHILD: someone else collected the status; the process is gone, its code unknown.
        watch.OnExit(result == pid ? ExitCodeOf(status) : -1);
    }
}
