using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Slipway.Core.Runtime;

/// <summary>
/// Loads what every run needs a little later on a pool thread, while the pipeline and git are being read: OpenSSL
/// (the work folder's and the token's hashing and random bytes; its load and configuration took ~8 ms) and SQLite's
/// native library (the run store). Neither load is then on the way to the first job. Best effort: a load that
/// fails here fails again, with its error, where it is needed.
/// </summary>
internal static class RunWarmup
{
    public static void Start() => _ = Task.Run(static () =>
    {
        try
        {
            _ = SHA256.HashData([]);
            using var connection = new SqliteConnection();
        }
        catch (Exception e) when (e is CryptographicException or DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or PlatformNotSupportedException)
        {
            // Reported where the run needs it.
        }
    });
}
