using System.Security.Cryptography;
using System.Text;
using Slipway.Core.Runtime.Services;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Actions.WellKnown;

/// <summary>
/// <c>actions/cache</c> (restore now, save in a <c>post-if: success()</c> part unless the primary key hit),
/// <c>actions/cache/restore</c> and <c>actions/cache/save</c>, on the machine's cache folder (Runtime/Caching).
/// Inputs <c>path</c> (lines), <c>key</c>, <c>restore-keys</c> (string prefixes, newest entry wins),
/// <c>lookup-only</c>, <c>fail-on-cache-miss</c>; outputs <c>cache-hit</c> (exact key only), and for
/// cache/restore <c>cache-primary-key</c>, <c>cache-matched-key</c>.
/// </summary>
internal sealed class CacheAction(bool restore, bool save) : IWellKnownAction
{
    public async Task<StepOutcome> RunAsync(WellKnownActionContext context, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.Host;
        var store = host.Run.Services.Cache;
        var paths = context.Lines("path");
        var key = context.Inputs["key"]?.Trim() ?? string.Empty;
        if (paths.Count == 0 || key.Length == 0)
        {
            return context.Fail($"Input required and not supplied: {(paths.Count == 0 ? "path" : "key")}", ActionDiagnosticCodes.InputInvalid);
        }

        if (key.Contains(',', StringComparison.Ordinal))
        {
            return context.Fail($"Key Validation Error: {key} cannot contain commas.", ActionDiagnosticCodes.InputInvalid);
        }

        var entries = new CacheEntries(paths.Select(context.WorkspacePath).ToList(), paths);
        if (!restore)
        {
            return await SaveAsync(host, store, entries, key, cancel).ConfigureAwait(false);
        }

        var restoreKeys = context.Lines("restore-keys");
        var entry = await store.LookupAsync(entries.Version, key, restoreKeys, cancel).ConfigureAwait(false);
        var matched = entry?.Key;
        host.SetOutput("cache-hit", entry is { IsExact: true } ? "true" : "false");
        if (!save)
        {
            host.SetOutput("cache-primary-key", key);
            host.SetOutput("cache-matched-key", matched ?? string.Empty);
        }

        if (entry is null)
        {
            if (context.Flag("fail-on-cache-miss", fallback: false))
            {
                return context.Fail($"Failed to restore cache entry. Exiting as fail-on-cache-miss is set. Input key: {key}", ActionDiagnosticCodes.CacheMiss);
            }

            host.Log.Output($"Cache not found for input keys: {string.Join(", ", new[] { key }.Concat(restoreKeys))}");
        }
        else if (context.Flag("lookup-only", fallback: false))
        {
            host.Log.Output($"Cache found and can be restored from key: {matched}");
        }
        else if (await entries.RestoreAsync(store, entry.Key, cancel).ConfigureAwait(false) is { Error: { } error })
        {
            host.Log.Warning(error, code: ActionDiagnosticCodes.CacheMiss);
        }
        else
        {
            host.Log.Output($"Cache restored from key: {matched}");
        }

        if (save && entry is not { IsExact: true })
        {
            host.AddPostStep($"Post {(host.Step.Name is Pipelines.GitHub.Tokens.StringToken n ? n.Value : "Run " + context.Reference.Text)}",
                new ActionPhase("success()", (h, c) => SaveAsync(h, store, entries, key, c)));
        }
        else if (save)
        {
            host.Log.Debug($"Cache hit occurred on the primary key {key}, not saving cache.");
        }

        return StepOutcome.Succeeded;
    }

    private static async Task<StepOutcome> SaveAsync(IActionHost host, ICacheStore store, CacheEntries entries, string key, CancellationToken cancel)
    {
        if (!entries.AnyExists)
        {
            host.Log.Warning("Path Validation Error: Path(s) specified in the action for caching do(es) not exist, hence no cache is being saved.",
                code: ActionDiagnosticCodes.CacheMiss);
            return StepOutcome.Succeeded;
        }

        var staging = await Task.Run(() => entries.Stage(host.Folders.Temp), cancel).ConfigureAwait(false);
        try
        {
            var saved = await store.SaveEntryAsync(entries.Version, key, staging, cancel).ConfigureAwait(false);
            if (saved.Saved || saved.Message is null)
            {
                host.Log.Output(saved.Saved ? saved.Message ?? $"Cache saved with key: {key}"
                    : $"Failed to save: Unable to reserve cache with key {key}, another job may be creating this cache.");
            }
            else
            {
                host.Log.Warning(saved.Message, code: ActionDiagnosticCodes.CacheMiss);
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }

        return StepOutcome.Succeeded;
    }

    /// <summary>The cached paths, staged as one folder: entry <c>i</c> holds path line <c>i</c> (a folder's tree, or a file).</summary>
    private sealed record CacheEntries(IReadOnlyList<string> Paths, IReadOnlyList<string> Written)
    {
        /// <summary>From the path lines as written (as GitHub's cache version), so other runs' workspaces find the entry.</summary>
        public string Version => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Written))))[..16];

        public bool AnyExists => Paths.Any(p => File.Exists(p) || Directory.Exists(p) || Glob(p).Count > 0);

        /// <summary>The folder before a pattern's first wildcard segment, and the files the pattern selects under it.</summary>
        private static (string Root, IReadOnlyList<string> Files) GlobMatch(string pattern)
        {
            var segments = pattern.Split('/');
            var root = "/" + string.Join('/', segments.TakeWhile(s => !Tasks.Files.GlobPattern.HasWildcards(s)).Where(s => s.Length > 0));
            return (root, Tasks.Files.FileMatcher.Match(Tasks.Files.FileMatcher.EnumerateFiles(root), "/", [pattern]));
        }

        private static IReadOnlyList<string> Glob(string path) => Tasks.Files.GlobPattern.HasWildcards(path) ? GlobMatch(path).Files : [];

        public string Stage(string temp)
        {
            var staging = Path.Combine(temp, "cache-" + Guid.NewGuid().ToString("N"));
            for (var i = 0; i < Paths.Count; i++)
            {
                var slot = Path.Combine(staging, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (Directory.Exists(Paths[i]))
                {
                    Checkout.FileSystem.CopyTree(Paths[i], Path.Combine(slot, "d"), []);
                }
                else if (File.Exists(Paths[i]))
                {
                    Directory.CreateDirectory(Path.Combine(slot, "f"));
                    File.Copy(Paths[i], Path.Combine(slot, "f", Path.GetFileName(Paths[i])));
                }
                else if (Tasks.Files.GlobPattern.HasWildcards(Paths[i]))
                {
                    var (root, files) = GlobMatch(Paths[i]);
                    foreach (var file in files)
                    {
                        var target = Path.Combine(slot, "g", Path.GetRelativePath(root, file));
                        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                        File.Copy(file, target);
                    }
                }
            }

            Directory.CreateDirectory(staging);
            return staging;
        }

        public async Task<CacheRestoreResult> RestoreAsync(ICacheStore store, string key, CancellationToken cancel)
        {
            var staging = Path.Combine(Path.GetTempPath(), "slipway-cache-" + Guid.NewGuid().ToString("N"));
            try
            {
                var result = await store.RestoreEntryAsync(Version, key, staging, cancel).ConfigureAwait(false);
                if (result.MatchedKey is null)
                {
                    return result.Error is null ? new CacheRestoreResult(null, false, $"The cache entry '{key}' is gone (evicted): nothing restored.") : result;
                }

                await Task.Run(() => CopyOut(staging), cancel).ConfigureAwait(false);
                return result;
            }
            finally
            {
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
            }
        }

        private void CopyOut(string staging)
        {
            for (var i = 0; i < Paths.Count; i++)
            {
                var slot = Path.Combine(staging, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (Directory.Exists(Path.Combine(slot, "d")))
                {
                    Checkout.FileSystem.CopyTree(Path.Combine(slot, "d"), Paths[i], []);
                }
                else if (Directory.Exists(Path.Combine(slot, "g")))
                {
                    Checkout.FileSystem.CopyTree(Path.Combine(slot, "g"), GlobMatch(Paths[i]).Root, []);
                }
                else if (Directory.Exists(Path.Combine(slot, "f")))
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(Paths[i])!);
                    foreach (var file in Directory.EnumerateFiles(Path.Combine(slot, "f")))
                    {
                        File.Copy(file, Paths[i], overwrite: true);
                    }
                }
            }
        }
    }
}
