namespace Slipway.Core.Runtime.GitHub.Actions;

/// <summary>What a step's <c>uses:</c> names (GHA-STEP-3).</summary>
internal abstract record ActionReference
{
    /// <summary>The text as written.</summary>
    public required string Text { get; init; }

    /// <summary>
    /// Parses <c>./path</c>, <c>owner/repo[/path]@ref</c> or <c>docker://image</c>; null for any other form
    /// (the caller reports "Expected format {org}/{repo}[/path]@ref. Actual '...'").
    /// </summary>
    public static ActionReference? Parse(string uses)
    {
        ArgumentNullException.ThrowIfNull(uses);
        if (uses.StartsWith(DockerActionReference.Prefix, StringComparison.Ordinal))
        {
            var image = uses[DockerActionReference.Prefix.Length..];
            return image.Length == 0 ? null : new DockerActionReference { Text = uses, Image = image };
        }

        if (uses.StartsWith("./", StringComparison.Ordinal) || uses.StartsWith(".\\", StringComparison.Ordinal))
        {
            return new LocalActionReference { Text = uses, Path = uses[2..].Replace('\\', '/').TrimEnd('/') };
        }

        var at = uses.Split('@');
        if (at.Length != 2 || at[1].Length == 0)
        {
            return null;
        }

        var parts = at[0].Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            return null;
        }

        return new RepositoryActionReference
        {
            Text = uses,
            Owner = parts[0],
            Repository = parts[1],
            Path = string.Join('/', parts.Skip(2)),
            Ref = at[1],
        };
    }

    /// <summary>The message GitHub gives for a malformed reference.</summary>
    public static string SyntaxMessage(string uses) => $"Expected format {{org}}/{{repo}}[/path]@ref. Actual '{uses}'";
}

/// <summary><c>./path</c>: an action in the workspace (the repository must be checked out first, GHA-ACT-5).</summary>
internal sealed record LocalActionReference : ActionReference
{
    /// <summary>The path relative to <c>GITHUB_WORKSPACE</c>, with forward slashes, possibly empty (the root).</summary>
    public required string Path { get; init; }
}

/// <summary><c>owner/repo[/path]@ref</c>: an action of another repository, looked up in the actions folder.</summary>
internal sealed record RepositoryActionReference : ActionReference
{
    public required string Owner { get; init; }

    public required string Repository { get; init; }

    /// <summary>The folder inside the repository, with forward slashes; empty for the root.</summary>
    public required string Path { get; init; }

    public required string Ref { get; init; }

    /// <summary><c>owner/repo</c>, as <c>GITHUB_ACTION_REPOSITORY</c> shows it.</summary>
    public string NameWithOwner => $"{Owner}/{Repository}";

    /// <summary>True when this names <paramref name="nameWithOwner"/> (case-insensitive, as GitHub compares repository names), whatever the ref and path.</summary>
    public bool Is(string nameWithOwner) => string.Equals(NameWithOwner, nameWithOwner, StringComparison.OrdinalIgnoreCase);
}

/// <summary><c>docker://image[:tag]</c>: a container image run as the step.</summary>
internal sealed record DockerActionReference : ActionReference
{
    public const string Prefix = "docker://";

    public required string Image { get; init; }
}
