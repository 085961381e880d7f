using Slipway.Core.Runtime.Repositories;

namespace Slipway.Core.Runtime.GitHub.Triggers;

/// <summary>One commit of a push, as the <c>commits[]</c> of GitHub's push payload needs it.</summary>
internal sealed record GitCommit(string Id, string Message, string Timestamp, string AuthorName, string AuthorEmail)
{
    public string CommitterName { get; init; } = AuthorName;

    public string CommitterEmail { get; init; } = AuthorEmail;

    public IReadOnlyList<string> Added { get; init; } = [];

    public IReadOnlyList<string> Removed { get; init; } = [];

    public IReadOnlyList<string> Modified { get; init; } = [];

    /// <summary>Parses the output of <see cref="EventGit.LogFormat"/> with <c>--name-status</c>.</summary>
    public static IReadOnlyList<GitCommit> ParseLog(string output)
    {
        var commits = new List<GitCommit>();
        foreach (var record in output.Split(EventGit.RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = record.Split(EventGit.FieldSeparator);
            if (parts.Length < 8)
            {
                continue;
            }

            commits.Add(WithChanges(new GitCommit(parts[0].Trim(), parts[6].TrimEnd('\n'), parts[3], parts[1], parts[2])
            {
                CommitterName = parts[4],
                CommitterEmail = parts[5],
            }, parts[7].Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        }

        return commits;
    }

    /// <summary>HEAD's commit from one read of the repository (<see cref="RepositoryReader.ReadWithHead"/>).</summary>
    public static GitCommit FromHead(GitRepositoryInfo info, HeadDetails head)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(head);
        return WithChanges(new GitCommit(info.SourceVersion, info.CommitMessage, head.AuthorDate, info.AuthorName, info.AuthorEmail)
        {
            CommitterName = head.CommitterName,
            CommitterEmail = head.CommitterEmail,
        }, head.NameStatus);
    }

    // --name-status lines: "A\tpath", "D\tpath", "M\tpath" (and T, U, ...: modified).
    private static GitCommit WithChanges(GitCommit commit, IEnumerable<string> nameStatus)
    {
        var added = new List<string>();
        var removed = new List<string>();
        var modified = new List<string>();
        foreach (var line in nameStatus)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                continue;
            }

            var target = line[0] switch { 'A' => added, 'D' => removed, _ => modified };
            target.Add(line[(tab + 1)..]);
        }

        return commit with { Added = added, Removed = removed, Modified = modified };
    }
}
