namespace Slipway.Core.Masking;

/// <summary>How a <see cref="SecretMasker"/> registers secrets; one preset per dialect.</summary>
internal sealed record SecretMaskerOptions
{
    /// <summary>Extra encoded forms registered for every secret.</summary>
    public required IReadOnlyList<SecretEncoder> Encoders { get; init; }

    /// <summary>Values (and encoded forms) shorter than this are not registered. The agent's knob
    /// <c>AZP_IGNORE_SECRETS_SHORTER_THAN</c> defaults to 0 and is capped at 4.</summary>
    public int MinimumLength { get; init; }

    /// <summary>GitHub registers the trimmed value and also each of its lines (trimmed, empties
    /// dropped), because output is masked one line at a time. The agent registers the value as is.</summary>
    public bool RegisterEachLine { get; init; }

    public static SecretMaskerOptions GitHubActions { get; } = new()
    {
        Encoders = SecretEncoders.GitHubActions,
        RegisterEachLine = true,
    };

    public static SecretMaskerOptions AzurePipelines { get; } = new()
    {
        Encoders = SecretEncoders.AzurePipelines,
    };

    /// <summary>The agent accepts at most 4 for its minimum-length knob.</summary>
    public const int AzureMaximumMinimumLength = 4;

    public static SecretMaskerOptions ForAzurePipelines(int minimumLength) => AzurePipelines with
    {
        MinimumLength = Math.Clamp(minimumLength, 0, AzureMaximumMinimumLength),
    };
}
