using Slipway.Core.Diagnostics;
using Slipway.Core.Yaml;

namespace Slipway.Core.Planning;

public enum JobKind
{
    /// <summary>A regular job with steps.</summary>
    Job,

    /// <summary>A deployment job: steps live in the lifecycle hooks of its strategy.</summary>
    Deployment,
}

/// <summary>A job: a list of steps that runs on one agent (or in one container).</summary>
public sealed record JobPlan
{
    public required string Name { get; init; }

    public required JobKind Kind { get; init; }

    public string? DisplayName { get; init; }

    public bool IsImplicit { get; init; }

    public bool IsNameGenerated { get; init; }

    /// <summary>Jobs in the same stage this job waits for; none by default (AZP-DEP-2).</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    public ExpressionText? Condition { get; init; }

    /// <summary>A literal <c>true</c>/<c>false</c> or a runtime expression text.</summary>
    public string? ContinueOnError { get; init; }

    /// <summary>Minutes before the job is cancelled; null means the default (60), 0 the host maximum.</summary>
    public int? TimeoutInMinutes { get; init; }

    public int? CancelTimeoutInMinutes { get; init; }

    public IReadOnlyList<VariableEntry> Variables { get; init; } = [];

    public PoolSpec? Pool { get; init; }

    public ContainerReference? Container { get; init; }

    /// <summary>Sidecar containers by alias.</summary>
    public IReadOnlyList<ServiceContainer> Services { get; init; } = [];

    /// <summary>Azure <c>workspace.clean</c>: <c>outputs</c>, <c>resources</c> or <c>all</c>.</summary>
    public string? WorkspaceClean { get; init; }

    public JobStrategy? Strategy { get; init; }

    /// <summary>Set for deployment jobs: the environment and the lifecycle hooks.</summary>
    public DeploymentPlan? Deployment { get; init; }

    /// <summary>Resources the job declares it uses (Azure <c>uses</c>).</summary>
    public IReadOnlyList<string> UsesRepositories { get; init; } = [];

    public IReadOnlyList<string> UsesPools { get; init; } = [];

    public YamlNode? TemplateContext { get; init; }

    /// <summary>The job's steps; empty for deployment jobs (see <see cref="Deployment"/>).</summary>
    public IReadOnlyList<StepPlan> Steps { get; init; } = [];

    public SourceLocation Location { get; init; }

    /// <summary>Every step of the job, including those in deployment lifecycle hooks.</summary>
    public IEnumerable<StepPlan> AllSteps =>
        Deployment is null ? Steps : Deployment.Strategy.Hooks.SelectMany(h => h.Steps);
}

/// <summary>Where a job runs: a named pool, a hosted image label, demands. <c>server</c> means agentless.</summary>
public sealed record PoolSpec(string? Name, string? VmImage, IReadOnlyList<string> Demands, SourceLocation Location)
{
    public bool IsServer => string.Equals(Name, "server", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A container image, with the options a container job or service needs.</summary>
public sealed record ContainerSpec(
    string Image,
    string? Options,
    string? Endpoint,
    IReadOnlyList<NamedValue> Env,
    IReadOnlyList<string> Ports,
    IReadOnlyList<string> Volumes,
    bool MapDockerSocket,
    IReadOnlyList<string> ReadOnlyMounts,
    SourceLocation Location);

/// <summary>A job's container: an inline spec, or a container resource alias (resolved when found).</summary>
public sealed record ContainerReference(string? Alias, ContainerSpec? Spec, SourceLocation Location);

public sealed record ServiceContainer(string Alias, ContainerReference Container, SourceLocation Location);

/// <summary>Multiplies a job: one copy per matrix leg, or N identical slices.</summary>
public sealed record JobStrategy
{
    /// <summary>Static matrix legs in YAML order.</summary>
    public IReadOnlyList<MatrixLeg> Matrix { get; init; } = [];

    /// <summary>A matrix computed at run time (<c>matrix: $[ ... ]</c>, AZP-DEP-7).</summary>
    public ExpressionText? MatrixExpression { get; init; }

    /// <summary>Number of slices for <c>parallel: N</c>.</summary>
    public int? Parallel { get; init; }

    /// <summary>Concurrent legs allowed; 0 or null means unlimited.</summary>
    public int? MaxParallel { get; init; }

    public SourceLocation Location { get; init; }
}

public sealed record MatrixLeg(string Name, IReadOnlyList<NamedValue> Variables, SourceLocation Location);
