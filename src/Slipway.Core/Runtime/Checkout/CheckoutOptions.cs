using System.Globalization;

namespace Slipway.Core.Runtime.Checkout;

/// <summary>Which submodules a checkout fetches (AZP-STEP-11 <c>submodules: true | recursive</c>).</summary>
internal enum SubmoduleMode
{
    None,
    TopLevel,
    Recursive,
}

/// <summary>
/// The inputs of a <c>checkout</c> step (AZP-STEP-11), read as the agent reads them: booleans are true
/// only for <c>true</c>/<c>1</c>; a <c>fetchDepth</c> that is not a number or is negative means full history.
/// Defaults are those of a pipeline created today: <c>fetchDepth</c> 1 (shallow) and <c>fetchTags</c> false.
/// </summary>
internal sealed record CheckoutOptions
{
    public const string Self = "self";
    public const string None = "none";
    public const int DefaultFetchDepth = 1;

    /// <summary>Inputs the agent knows but a local checkout ignores (with a warning).</summary>
    public static readonly string[] IgnoredInputs = ["fetchFilter", "sparseCheckoutDirectories", "sparseCheckoutPatterns"];

    /// <summary><c>self</c>, <c>none</c>, or a repository resource alias.</summary>
    public required string Repository { get; init; }

    /// <summary>Null when the step does not say (Build.Repository.Clean is then not set).</summary>
    public bool? Clean { get; init; }

    /// <summary>0 = full history.</summary>
    public int FetchDepth { get; init; } = DefaultFetchDepth;

    public bool FetchTags { get; init; }

    public bool Lfs { get; init; }

    public SubmoduleMode Submodules { get; init; }

    /// <summary>True when the step has a <c>submodules</c> input at all (Build.Repository.Git.SubmoduleCheckout).</summary>
    public bool SubmodulesGiven { get; init; }

    public bool PersistCredentials { get; init; }

    /// <summary>Where to put the repository, relative to <c>$(Pipeline.Workspace)</c>.</summary>
    public string? Path { get; init; }

    public bool IsSelf => string.Equals(Repository, Self, StringComparison.OrdinalIgnoreCase);

    public bool IsNone => string.Equals(Repository, None, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the options from the step's (macro-expanded) inputs; <paramref name="input"/> returns null for an absent input.</summary>
    public static CheckoutOptions From(Func<string, string?> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var submodules = input("submodules");
        return new CheckoutOptions
        {
            Repository = input("repository") is { Length: > 0 } repo ? repo.Trim() : Self,
            Clean = input("clean") is { Length: > 0 } clean ? IsTrue(clean) : null,
            FetchDepth = FetchDepthOf(input("fetchDepth")),
            FetchTags = IsTrue(input("fetchTags")),
            Lfs = IsTrue(input("lfs")),
            Submodules = SubmodulesOf(submodules),
            SubmodulesGiven = submodules is not null,
            PersistCredentials = IsTrue(input("persistCredentials")),
            Path = input("path") is { Length: > 0 } path ? path.Trim() : null,
        };
    }

    private static int FetchDepthOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultFetchDepth;
        }

        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var depth) && depth > 0 ? depth : 0;
    }

    private static SubmoduleMode SubmodulesOf(string? text) =>
        string.Equals(text?.Trim(), "recursive", StringComparison.OrdinalIgnoreCase) ? SubmoduleMode.Recursive
        : IsTrue(text) ? SubmoduleMode.TopLevel
        : SubmoduleMode.None;

    private static bool IsTrue(string? text) =>
        text is not null && (string.Equals(text.Trim(), "true", StringComparison.OrdinalIgnoreCase) || text.Trim() == "1");
}
