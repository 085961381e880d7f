namespace Slipway.Core.Runtime.Artifacts;

/// <summary>Artifact names as Azure accepts them: not empty, no path separators or characters that are
/// invalid in a file name, not <c>.</c>/<c>..</c>, not starting with a dot (Slipway's temporary folders).</summary>
internal static class ArtifactNames
{
    private static readonly System.Buffers.SearchValues<char> Invalid = System.Buffers.SearchValues.Create("/\\:<>|*?\"\0");

    public static string? Validate(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "An artifact name is required.";
        }

        if (name.IndexOfAny(Invalid) >= 0 || name.StartsWith('.') || name.Any(char.IsControl))
        {
            return $"Artifact name '{name}' is not valid: it must not start with '.' or contain any of / \\ : < > | * ? \".";
        }

        return null;
    }
}
