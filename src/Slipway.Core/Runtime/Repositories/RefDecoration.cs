namespace Slipway.Core.Runtime.Repositories;

/// <summary>
/// The refs <c>git log --decorate=full --format=%D</c> lists for HEAD's commit:
/// <c>HEAD -> refs/heads/main, tag: refs/tags/v1, refs/remotes/origin/main</c> (or <c>HEAD, tag: ...</c> when detached).
/// </summary>
internal readonly record struct RefDecoration(string? Branch, string? Tag)
{
    private const string HeadArrow = "HEAD -> ";
    private const string TagPrefix = "tag: refs/tags/";

    public static RefDecoration Parse(string decoration)
    {
        string? branch = null;
        string? tag = null;
        foreach (var raw in decoration.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw.StartsWith(HeadArrow, StringComparison.Ordinal))
            {
                branch = raw[HeadArrow.Length..];
            }
            else if (tag is null && raw.StartsWith(TagPrefix, StringComparison.Ordinal))
            {
                tag = raw[TagPrefix.Length..];
            }
        }

        return new RefDecoration(branch, tag);
    }
}
