using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace Slipway.Core.Runtime.Workspace;

/// <summary>
/// Where job workspaces live: outside the repository, like the agent's <c>_work</c> folder, so that a
/// checkout copy of the sources never lands inside the sources (where build tools would glob it, and
/// MSBuild would apply the outer Directory.Build.props to it). <c>SLIPWAY_WORK_DIR</c>, else
/// <c>$XDG_CACHE_HOME/slipway/work</c>, else <c>~/.cache/slipway/work</c>; then one folder per
/// repository (its name and a hash of its path) and per run.
/// </summary>
internal static class WorkFolder
{
    public static string ForRun(string repositoryRoot, long runId, Func<string, string?>? environment = null) =>
        Path.Combine(ForRepository(repositoryRoot, environment), runId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Where the repository's finished temp folders wait to be deleted (<see cref="FolderJanitor"/>).</summary>
    public static string TrashFor(string repositoryRoot, Func<string, string?>? environment = null) =>
        Path.Combine(ForRepository(repositoryRoot, environment), ".trash");

    /// <summary>The repository's run folders (named by run id), oldest first.</summary>
    public static IReadOnlyList<(long RunId, string Path)> Runs(string repositoryRoot, Func<string, string?>? environment = null)
    {
        var folder = ForRepository(repositoryRoot, environment);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.EnumerateDirectories(folder)
            .Select(path => (Ok: long.TryParse(Path.GetFileName(path), NumberStyles.None, CultureInfo.InvariantCulture, out var id), Id: id, Path: path))
            .Where(r => r.Ok)
            .Select(r => (r.Id, r.Path))
            .OrderBy(r => r.Id)];
    }

    private static string ForRepository(string repositoryRoot, Func<string, string?>? environment)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var root = environment("SLIPWAY_WORK_DIR") is { Length: > 0 } explicitRoot
            ? explicitRoot
            : Path.Combine(environment("XDG_CACHE_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "slipway", "work");
        var full = Path.GetFullPath(repositoryRoot).TrimEnd(Path.DirectorySeparatorChar);
        // A name, not a secret: a 64-bit XxHash3 needs no OpenSSL (whose load was ~8 ms of every run's start).
        var hash = Convert.ToHexStringLower(XxHash3.Hash(Encoding.UTF8.GetBytes(full)))[..10];
        var name = Path.GetFileName(full) is { Length: > 0 } n ? n : "repo";
        return Path.Combine(root, $"{name}-{hash}");
    }
}
