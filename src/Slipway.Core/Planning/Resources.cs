using Slipway.Core.Diagnostics;

namespace Slipway.Core.Planning;

/// <summary>External things a pipeline consumes, each under an alias.</summary>
public sealed record ResourceSet(
    IReadOnlyList<RepositoryResource> Repositories,
    IReadOnlyList<PipelineResource> Pipelines,
    IReadOnlyList<ContainerResource> Containers,
    IReadOnlyList<BuildResource> Builds,
    IReadOnlyList<PackageResource> Packages,
    IReadOnlyList<WebhookResource> Webhooks)
{
    public static ResourceSet Empty { get; } = new([], [], [], [], [], []);

    public ContainerResource? FindContainer(string alias) =>
        Containers.FirstOrDefault(c => string.Equals(c.Alias, alias, StringComparison.Ordinal));

    public RepositoryResource? FindRepository(string alias) =>
        Repositories.FirstOrDefault(r => string.Equals(r.Alias, alias, StringComparison.Ordinal));
}

/// <summary>Another repository (Azure <c>resources.repositories</c>); its trigger has CI syntax without batch.</summary>
public sealed record RepositoryResource(
    string Alias,
    string Type,
    string? Name,
    string? Ref,
    string? Endpoint,
    PushTrigger? Trigger,
    SourceLocation Location);

/// <summary>A pipeline whose completion may trigger this one (AZP-TRIG-41).</summary>
public sealed record PipelineResource(
    string Alias,
    string? Source,
    string? Project,
    string? Version,
    string? Branch,
    IReadOnlyList<string> Tags,
    PipelineCompletionTrigger? Trigger,
    SourceLocation Location);

public sealed record PipelineCompletionTrigger(
    bool Enabled,
    FilterSet Branches,
    IReadOnlyList<string> Stages,
    IReadOnlyList<string> Tags,
    SourceLocation Location);

/// <summary>A container image usable as a job container, a service, or a step target.</summary>
public sealed record ContainerResource(
    string Alias,
    ContainerSpec Container,
    string? Type,
    bool TriggerEnabled,
    FilterSet TriggerTags,
    SourceLocation Location);

/// <summary>An external build system artifact (Azure <c>resources.builds</c>).</summary>
public sealed record BuildResource(
    string Alias,
    string Type,
    string Connection,
    string Source,
    string? Version,
    string? Branch,
    bool TriggerEnabled,
    SourceLocation Location);

/// <summary>A package feed entry (Azure <c>resources.packages</c>).</summary>
public sealed record PackageResource(
    string Alias,
    string Type,
    string Connection,
    string Name,
    string? Version,
    string? Tag,
    bool TriggerEnabled,
    SourceLocation Location);

/// <summary>An incoming webhook; the run starts when the payload matches every filter.</summary>
public sealed record WebhookResource(
    string Alias,
    string Connection,
    string? Type,
    IReadOnlyList<WebhookFilter> Filters,
    SourceLocation Location);

public sealed record WebhookFilter(string Path, string Value, SourceLocation Location);
