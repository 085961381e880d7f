namespace Slipway.Core.Runtime.Tasks.Files;

/// <summary>
/// Multi-line pattern lists as the Azure file tasks read them (task-lib <c>find</c> + <c>match</c>):
/// blank lines and <c>#</c> comments are skipped, each leading <c>!</c> flips a pattern into an
/// exclusion, relative patterns are rooted at the search folder, and patterns apply in order
/// (an exclusion removes what earlier lines included).
/// </summary>
internal static class FileMatcher
{
    /// <summary>Splits an input into pattern lines (newlines; CopyFiles also accepts one pattern per line only).</summary>
    public static IReadOnlyList<string> Lines(string? input) =>
        string.IsNullOrWhiteSpace(input)
            ? []
            : input.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Every file under <paramref name="root"/> (hidden ones too) that the patterns select, sorted.</summary>
    public static IReadOnlyList<string> MatchFiles(string root, IEnumerable<string> patterns, bool dot = true)
    {
        var lines = patterns.ToList();
        return Match(SearchRoots(root, lines).SelectMany(EnumerateFiles).Distinct(StringComparer.Ordinal), root, lines, dot);
    }

    /// <summary>
    /// Where files are looked for: <paramref name="root"/>, plus the fixed folder (before the first wildcard) of every
    /// rooted include pattern outside it, as task-lib <c>findMatch</c> searches a rooted pattern from its own folder
    /// (<c>$(Build.ArtifactStagingDirectory)/*.nupkg</c> from the sources folder).
    /// </summary>
    private static List<string> SearchRoots(string root, IReadOnlyList<string> patterns)
    {
        var roots = new List<string> { Path.GetFullPath(root) };
        foreach (var line in patterns.Select(p => p.Trim()))
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith('!') || !Path.IsPathRooted(line))
            {
                continue;
            }

            var wildcard = line.IndexOfAny(['*', '?', '[', '{']);
            var fixedPart = wildcard < 0 ? line : line[..wildcard];
            var folder = Path.GetFullPath(fixedPart.EndsWith('/') ? fixedPart : Path.GetDirectoryName(fixedPart) ?? "/");
            if (!roots.Any(r => folder == r || folder.StartsWith(r.TrimEnd('/') + "/", StringComparison.Ordinal)))
            {
                roots.Add(folder);
            }
        }

        return roots;
    }

    /// <summary>Filters <paramref name="paths"/> (absolute) with the pattern list rooted at <paramref name="root"/>.</summary>
    public static IReadOnlyList<string> Match(IEnumerable<string> paths, string root, IEnumerable<string> patterns, bool dot = true)
    {
        var items = paths.ToList();
        var selected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in patterns)
        {
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var negations = text.TakeWhile(c => c == '!').Count();
            var pattern = GlobPattern.Create(Rooted(root, text[negations..]), dot);
            var include = negations % 2 == 0;
            foreach (var item in items.Where(pattern.IsMatch))
            {
                if (include)
                {
                    selected.Add(item);
                }
                else
                {
                    selected.Remove(item);
                }
            }
        }

        return [.. items.Where(selected.Contains).Order(StringComparer.Ordinal)];
    }

    public static IEnumerable<string> EnumerateFiles(string root) =>
        Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", AllEntries) : [];

    /// <summary>Files and folders under <paramref name="root"/>, hidden ones too.</summary>
    public static IEnumerable<string> EnumerateEntries(string root) =>
        Directory.Exists(root) ? Directory.EnumerateFileSystemEntries(root, "*", AllEntries) : [];

    private static EnumerationOptions AllEntries => new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    private static string Rooted(string root, string pattern)
    {
        var rooted = Path.IsPathRooted(pattern) ? pattern : GlobPattern.Normalise(root) + "/" + pattern;
        return ResolveDots(GlobPattern.Normalise(rooted));
    }

    /// <summary>Removes <c>.</c> and <c>..</c> segments (as path.normalize does before matching), so
    /// <c>$(Build.SourcesDirectory)/../x</c> matches the file it names.</summary>
    private static string ResolveDots(string pattern)
    {
        if (!pattern.Contains("/.", StringComparison.Ordinal))
        {
            return pattern;
        }

        var segments = new List<string>();
        foreach (var segment in pattern.Split('/'))
        {
            if (segment == ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 1 && segments[^1] is not (".." or "**"))
            {
                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        return string.Join('/', segments);
    }
}
