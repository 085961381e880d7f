namespace Slipway.Core.Runtime.Repositories;

/// <summary>
/// What <see cref="RepositoryReader.ReadWithHead"/> reads of HEAD beyond <see cref="GitRepositoryInfo"/>: all its parents
/// (a merge has two or more), its author date (ISO 8601), its committer, and its changes against its first parent as
/// <c>--name-status</c> lines (every file of a root commit; none for a merge, where <c>git log</c> shows none).
/// </summary>
internal sealed record HeadDetails(IReadOnlyList<string> Parents, string AuthorDate, string CommitterName, string CommitterEmail, IReadOnlyList<string> NameStatus)
{
    /// <summary>Parses <c>%P%x1f%aI%x1f%cn%x1f%ce%x1f</c> followed by the <c>--name-status</c> lines; null when a field is missing.</summary>
    public static HeadDetails? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('\u001f', 5);
        if (parts.Length < 5)
        {
            return null;
        }

        return new HeadDetails(
            parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            parts[1],
            parts[2],
            parts[3],
            parts[4].Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
