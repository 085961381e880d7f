using Slipway.Core.Diagnostics;

namespace Slipway.Core.Planning;

public enum DeploymentStrategyKind
{
    RunOnce,
    Rolling,
    Canary,
}

public enum LifecycleHookKind
{
    PreDeploy,
    Deploy,
    RouteTraffic,
    PostRouteTraffic,
    OnFailure,
    OnSuccess,
}

/// <summary>A deployment job's target environment and how it rolls out (AZP-DEPL-1..5).</summary>
public sealed record DeploymentPlan(EnvironmentReference Environment, DeploymentStrategy Strategy);

/// <summary>An environment, optionally narrowed to one resource (<c>env.resource</c> or the mapping form).</summary>
public sealed record EnvironmentReference(
    string Name,
    string? ResourceName,
    string? ResourceId,
    string? ResourceType,
    string? Tags,
    SourceLocation Location);

/// <summary>runOnce, rolling (<see cref="MaxParallel"/>) or canary (<see cref="Increments"/>), with its hooks in run order.</summary>
public sealed record DeploymentStrategy(
    DeploymentStrategyKind Kind,
    string? MaxParallel,
    IReadOnlyList<int> Increments,
    IReadOnlyList<LifecycleHook> Hooks,
    SourceLocation Location)
{
    public LifecycleHook? Find(LifecycleHookKind kind) => Hooks.FirstOrDefault(h => h.Kind == kind);
}

/// <summary>One lifecycle hook; its pool defaults to the job's.</summary>
public sealed record LifecycleHook(LifecycleHookKind Kind, PoolSpec? Pool, IReadOnlyList<StepPlan> Steps, SourceLocation Location);
