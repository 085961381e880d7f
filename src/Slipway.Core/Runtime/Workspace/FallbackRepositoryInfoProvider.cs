namespace Slipway.Core.Runtime.Workspace;

/// <summary>
/// Reads what it can from <c>.git/HEAD</c> and the loose/packed refs without starting git: the
/// branch and the commit. Name is the folder name; message and requester stay unknown.
/// </summary>
internal sealed class FallbackRepositoryInfoProvider : IRepositoryInfoProvider
{
    public RepositoryInfo Read(string repositoryRoot)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(repositoryRoot));
        var gitDir = Path.Combine(repositoryRoot, ".git");
        var head = TryRead(Path.Combine(gitDir, "HEAD"));
        if (head is null)
        {
            return new RepositoryInfo { Name = name };
        }

        if (!head.StartsWith("ref: ", StringComparison.Ordinal))
        {
            return new RepositoryInfo { Name = name, SourceVersion = head };
        }

        var reference = head[5..].Trim();
        return new RepositoryInfo { Name = name, SourceBranch = reference, SourceVersion = ResolveRef(gitDir, reference) };
    }

    private static string? ResolveRef(string gitDir, string reference)
    {
        if (TryRead(Path.Combine(gitDir, reference)) is { } loose)
        {
            return loose;
        }

        var packed = TryRead(Path.Combine(gitDir, "packed-refs"), wholeFile: true);
        foreach (var line in packed?.Split('\n') ?? [])
        {
            var parts = line.Split(' ', 2);
            if (parts.Length == 2 && parts[1].Trim() == reference)
            {
                return parts[0];
            }
        }

        return null;
    }

    private static string? TryRead(string path, bool wholeFile = false)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var text = File.ReadAllText(path);
            return wholeFile ? text : text.Split('\n')[0].Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
