using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Runtime.GitHub.Containers;

/// <summary>A container the job created: its definition, <c>docker create</c> name and id, and (services) its mapped ports.</summary>
internal sealed class RunningContainer(ContainerDefinition definition, string name)
{
    public ContainerDefinition Definition => definition;

    /// <summary>The <c>--name</c>: <c>&lt;alias&gt;_&lt;image&gt;_&lt;6 hex&gt;</c> as the runner names it.</summary>
    public string Name => name;

    /// <summary>The id <c>docker create</c> printed (null until created).</summary>
    public string? Id { get; set; }

    /// <summary>Container port (<c>5432</c>) to host port, from <c>docker port</c>.</summary>
    public Dictionary<string, string> Ports { get; } = new(StringComparer.Ordinal);

    /// <summary>The image's own PATH (<c>docker inspect .Config.Env</c>), for steps that add to PATH.</summary>
    public string? RuntimePath { get; set; }
}

/// <summary>
/// The containers of one job: the network, the job container (steps run in it with <c>docker exec</c>) and the
/// services. Feeds the <c>job.container</c> and <c>job.services</c> contexts.
/// </summary>
internal sealed class JobContainers(string docker, string network, ContainerPathMap paths)
{
    /// <summary>The <c>docker</c> program (resolved on the job's PATH).</summary>
    public string Docker => docker;

    /// <summary><c>github_network_&lt;32 hex&gt;</c>.</summary>
    public string Network => network;

    public ContainerPathMap Paths => paths;

    /// <summary>Whether <c>docker network create</c> succeeded (so tear-down removes it).</summary>
    public bool NetworkCreated { get; set; }

    /// <summary>The host folder mounted read-only at <see cref="NodeFolder"/> (null: no node on the host).</summary>
    public string? HostNode { get; init; }

    /// <summary>Where the job container sees the host's node install (the runner's <c>externals/node20</c>).</summary>
    public const string NodeFolder = "/__e/node20";

    public RunningContainer? Job { get; set; }

    public List<RunningContainer> Services { get; } = [];

    /// <summary>Everything created, job container first (tear-down order of the runner).</summary>
    public IEnumerable<RunningContainer> All => Job is null ? Services : [Job, .. Services];

    public bool TornDown { get; set; }

    /// <summary><c>job.container</c>: <c>id</c> and <c>network</c>.</summary>
    public ObjectValue ContainerContext() => new(
    [
        KeyValuePair.Create("id", ExpressionValue.From(Job?.Id ?? string.Empty)),
        KeyValuePair.Create("network", ExpressionValue.From(NetworkCreated ? network : string.Empty)),
    ]);

    /// <summary><c>job.services.&lt;id&gt;</c>: <c>id</c>, <c>network</c>, <c>ports</c> (container port to host port).</summary>
    public ObjectValue ServicesContext() => new(Services.Where(s => s.Id is not null).Select(s => KeyValuePair.Create(s.Definition.Alias!, (ExpressionValue)new ObjectValue(
    [
        KeyValuePair.Create("id", ExpressionValue.From(s.Id!)),
        KeyValuePair.Create("ports", (ExpressionValue)new ObjectValue(s.Ports.Select(p => KeyValuePair.Create(p.Key, ExpressionValue.From(p.Value))))),
        KeyValuePair.Create("network", ExpressionValue.From(network)),
    ]))));
}
