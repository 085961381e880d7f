namespace Slipway.Core.Runtime.Checkout;

/// <summary>One repository to put into one folder.</summary>
internal sealed record CheckoutRequest
{
    /// <summary>The local work tree to copy from (the user's repository, or a <c>--repo</c> folder).</summary>
    public required string SourceRoot { get; init; }

    /// <summary>The commit to check out; empty when the source has no commits or is not a repository (its files are copied).</summary>
    public required string Commit { get; init; }

    /// <summary>The absolute folder to check out into (see <see cref="CheckoutLayout.TargetFolder"/>).</summary>
    public required string TargetPath { get; init; }

    public required CheckoutOptions Options { get; init; }

    /// <summary><c>--dirty</c>: also bring the source's uncommitted changes (tracked edits, deletions, untracked non-ignored files).</summary>
    public bool IncludeUncommittedChanges { get; init; }

    /// <summary>Absolute folders never copied from the source (the run folder <c>.slipway/</c> inside the repository).</summary>
    public IReadOnlyList<string> Excluded { get; init; } = [];
}

/// <summary>How a checkout ended.</summary>
internal sealed record CheckoutResult(bool Succeeded, bool Canceled, string? Error, string? ErrorCode)
{
    public static CheckoutResult Success { get; } = new(true, false, null, null);

    public static CheckoutResult WasCanceled { get; } = new(false, true, "The checkout was canceled.", null);

    public static CheckoutResult Failed(string code, string message) => new(false, false, message, code);
}
