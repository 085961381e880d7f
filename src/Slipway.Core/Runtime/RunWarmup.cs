using Microsoft.Data.Sqlite;
using Slipway.Core.Pipelines.GitHub.Schema;

namespace Slipway.Core.Runtime;

/// <summary>
/// Loads what every run needs a little later on a pool thread, while the command line, the pipeline and git are
/// being read: SQLite's native library (the run store) and the GitHub workflow schema (~2-3 ms of parsing that the
/// workflow reader would otherwise do while three git processes compete for the same two cores). Started first
/// thing in <c>Main</c> for <c>run</c> and <c>validate</c>, when the other core is idle. (A run needs no OpenSSL:
/// the work folder's name is an XxHash3, random bytes come from the kernel.) Best effort: a load that fails here
/// fails again, with its error, where it is needed. Started once per process.
/// </summary>
internal static class RunWarmup
{
    private static int _started;

    public static void Start(bool store = true)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            return;
        }

        _ = Task.Run(() =>
        {
            try
            {
                _ = WorkflowSchema.Workflow;
                if (store)
                {
                    using var connection = new SqliteConnection();
                }
            }
            catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or PlatformNotSupportedException or InvalidOperationException)
            {
                // Reported where the run needs it.
            }
        });
    }
}
