using System.Security.Cryptography;
using System.Text;
using Slipway.Core.Runtime.Tasks.Files;

namespace Slipway.Core.Runtime.Caching;

/// <summary>A resolved cache key: its segments, in order (file segments replaced by their hash).</summary>
internal sealed record CacheKey(IReadOnlyList<string> Segments)
{
    public string Text => string.Join('|', Segments);

    /// <summary>True when this key begins with every segment of <paramref name="prefix"/> (restoreKeys).</summary>
    public bool StartsWith(CacheKey prefix) =>
        prefix.Segments.Count <= Segments.Count && prefix.Segments.Select((s, i) => s == Segments[i]).All(x => x);

    public override string ToString() => Text;
}

/// <summary>
/// Turns a <c>Cache@2</c> key (or restore key) into segments as the task does: split on <c>|</c>,
/// trim; a quoted segment is a literal string; an unquoted segment that looks like a path (has a
/// <c>/</c>, <c>\</c> or <c>.</c> and no whitespace) is a comma-separated list of file globs
/// (<c>!</c> excludes) whose matched files' contents are hashed (SHA-256); anything else is a
/// literal string. A file segment that matches no file is an error.
/// </summary>
internal static class CacheKeys
{
    public static (CacheKey? Key, string? Error) Resolve(string text, string workingDirectory)
    {
        var segments = new List<string>();
        foreach (var raw in text.Split('|'))
        {
            var segment = raw.Trim();
            if (segment.Length == 0)
            {
                return (null, $"The cache key '{text.Trim()}' has an empty segment.");
            }

            if (segment.Length >= 2 && segment[0] == '"' && segment[^1] == '"')
            {
                segments.Add(segment[1..^1]);
            }
            else if (IsFileSegment(segment))
            {
                var (hash, error) = HashFiles(segment, workingDirectory);
                if (error is not null)
                {
                    return (null, error);
                }

                segments.Add(hash!);
            }
            else
            {
                segments.Add(segment);
            }
        }

        return (new CacheKey(segments), null);
    }

    public static bool IsFileSegment(string segment) =>
        !segment.Any(char.IsWhiteSpace)
        && !segment.EndsWith('.')
        && (segment.Contains('/', StringComparison.Ordinal) || segment.Contains('\\', StringComparison.Ordinal) || segment.Contains('.', StringComparison.Ordinal));

    private static (string? Hash, string? Error) HashFiles(string segment, string workingDirectory)
    {
        var patterns = segment.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var root = Path.GetFullPath(workingDirectory);
        var files = FileMatcher.MatchFiles(root, patterns);
        if (files.Count == 0)
        {
            return (null, $"No files matched the cache key segment '{segment}' (searched {root}).");
        }

        var all = new StringBuilder();
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            all.Append(relative).Append('\t').Append(Convert.ToHexStringLower(SHA256.HashData(stream))).Append('\n');
        }

        return (Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(all.ToString()))), null);
    }
}
