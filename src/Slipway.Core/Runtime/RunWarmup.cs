using Microsoft.Data.Sqlite;

namespace Slipway.Core.Runtime;

/// <summary>
/// Loads what every run needs a little later on a pool thread, while the pipeline and git are being read: SQLite's
/// native library (the run store), which is then not on the way to the first job. (A run needs no OpenSSL: the work
/// folder's name is an XxHash3, random bytes come from the kernel.) Best effort: a load that fails here fails again,
/// with its error, where it is needed.
/// </summary>
internal static class RunWarmup
{
    public static void Start() => _ = Task.Run(static () =>
    {
        try
        {
            using var connection = new SqliteConnection();
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or PlatformNotSupportedException)
        {
            // Reported where the run needs it.
        }
    });
}
