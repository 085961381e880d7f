namespace Slipway.Core.Yaml;

public sealed record YamlLoadOptions
{
    /// <summary>Azure Pipelines rejects anchors and aliases; GitHub Actions accepts them.</summary>
    public bool AllowAnchors { get; init; }

    /// <summary>
    /// Keep every entry of a mapping even when a key repeats, without a diagnostic. GitHub's workflow
    /// reader reports duplicates itself, with its own message and rules.
    /// </summary>
    public bool AllowDuplicateKeys { get; init; }

    /// <summary>Files larger than this are rejected before parsing.</summary>
    public long MaxBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Nesting deeper than this is rejected (stops stack exhaustion on hostile input).</summary>
    public int MaxDepth { get; init; } = 256;

    public static YamlLoadOptions AzurePipelines { get; } = new();

    public static YamlLoadOptions GitHubActions { get; } = new() { AllowAnchors = true };
}
