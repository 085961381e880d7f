using System.Globalization;

namespace Slipway.Core.Runtime.Workspace;

/// <summary>
/// Keeps the job folders of a repository's recent runs and removes older ones, so the work folder does not
/// grow without end (the agent reuses one folder per pipeline; here every run has its own, for inspection
/// after the run). When more than twice <see cref="Keep"/> runs have folders, all but the newest
/// <see cref="Keep"/> are deleted in the background (<see cref="FolderJanitor.DiscardInBackground"/>):
/// pruning happens once every <see cref="Keep"/> runs, and never lengthens a run.
/// <c>SLIPWAY_KEEP_WORK_RUNS</c> sets how many (default 10; at least 1).
/// </summary>
internal static class WorkRetention
{
    public const string KeepVariable = "SLIPWAY_KEEP_WORK_RUNS";
    public const int DefaultKeep = 10;

    public static int Keep(Func<string, string?>? environment = null) =>
        int.TryParse((environment ?? Environment.GetEnvironmentVariable)(KeepVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var keep)
            ? Math.Max(1, keep)
            : DefaultKeep;

    /// <summary>Whether the repository has folders of at least twice <paramref name="keep"/> other runs (one directory listing).</summary>
    public static bool IsDue(string repositoryRoot, long currentRunId, int keep, Func<string, string?>? environment = null) =>
        WorkFolder.Runs(repositoryRoot, environment).Count(r => r.RunId != currentRunId) >= 2 * keep;

    /// <summary>
    /// Hands the folders of runs older than the newest <paramref name="keep"/> (the current run always stays, and so
    /// do the <paramref name="running"/> ones) to the janitor; returns how many.
    /// </summary>
    public static int Prune(string repositoryRoot, long currentRunId, int keep, FolderJanitor janitor, IReadOnlySet<long>? running = null, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(janitor);
        var older = WorkFolder.Runs(repositoryRoot, environment).Where(r => r.RunId != currentRunId).ToList();
        if (older.Count < 2 * keep)
        {
            return 0;
        }

        var prune = older.Take(older.Count - (keep - 1)).Where(r => running?.Contains(r.RunId) != true).ToList(); // keep - 1 older runs, plus the current one
        foreach (var (_, path) in prune)
        {
            janitor.DiscardInBackground(path);
        }

        return prune.Count;
    }
}
