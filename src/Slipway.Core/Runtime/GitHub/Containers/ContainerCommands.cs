using Slipway.Core.Runtime.GitHub.Actions;

namespace Slipway.Core.Runtime.GitHub.Containers;

/// <summary>
/// The <c>docker</c> argument lists of job and service containers, as RUN <c>DockerCommandManager</c> builds them,
/// except that variable values never appear: <c>-e NAME</c>, the value in the docker CLI's own environment.
/// </summary>
internal static class ContainerCommands
{
    public const string HealthFormat = "--format={{if .Config.Healthcheck}}{{print .State.Health.Status}}{{end}}";
    public const string EnvFormat = "--format={{range .Config.Env}}{{println .}}{{end}}";

    /// <summary><c>--config DIR login [REGISTRY] -u USER --password-stdin</c>: the password goes through stdin.</summary>
    public static IReadOnlyList<string> Login(string configDirectory, string registry, string username) =>
        registry.Length == 0
            ? ["--config", configDirectory, "login", "-u", username, "--password-stdin"]
            : ["--config", configDirectory, "login", registry, "-u", username, "--password-stdin"];

    public static IReadOnlyList<string> Pull(string image, string? configDirectory) =>
        configDirectory is null ? DockerCommands.Pull(image) : ["--config", configDirectory, "pull", image];

    /// <summary>
    /// <c>docker create</c>: name, label, workdir, network (and alias for a service), ports, <c>options</c>, the
    /// container's <c>env</c> by name, the runner's watermarks, the mounts, the entrypoint, the image and its arguments.
    /// </summary>
    public static IReadOnlyList<string> Create(
        RunningContainer container, string network, IReadOnlyList<string> volumes, string? workDirectory, IReadOnlyList<string> entrypointArguments, string? entrypoint)
    {
        ArgumentNullException.ThrowIfNull(container);
        var definition = container.Definition;
        var args = new List<string> { "create", "--name", container.Name, "--label", DockerCommands.Label };
        if (workDirectory is not null)
        {
            args.AddRange(["--workdir", workDirectory]);
        }

        args.AddRange(["--network", network]);
        if (definition.Alias is { } alias)
        {
            args.AddRange(["--network-alias", alias]);
        }

        foreach (var port in definition.Ports)
        {
            args.AddRange(["-p", port]);
        }

        args.AddRange(DockerCommands.SplitOptions(definition.Options));
        foreach (var (name, _) in definition.Env)
        {
            args.AddRange(["-e", name]);
        }

        if (definition.IsJobContainer)
        {
            args.AddRange(["-e", "HOME=" + JobContainerSetup.ContainerHome]);
        }

        args.AddRange(["-e", "GITHUB_ACTIONS=true"]);
        if (!definition.Env.Any(e => e.Key == "CI"))
        {
            args.AddRange(["-e", "CI=true"]);
        }

        foreach (var volume in volumes)
        {
            args.AddRange(["-v", volume]);
        }

        if (entrypoint is not null)
        {
            args.AddRange(["--entrypoint", entrypoint]);
        }

        args.Add(definition.Image);
        args.AddRange(entrypointArguments);
        return args;
    }

    public static IReadOnlyList<string> Start(string id) => ["start", id];

    public static IReadOnlyList<string> Inspect(string id, string format) => ["inspect", format, id];

    public static IReadOnlyList<string> Port(string id) => ["port", id];

    public static IReadOnlyList<string> Logs(string id) => ["logs", "--details", id];

    public static IReadOnlyList<string> Remove(string id) => ["rm", "--force", id];

    /// <summary>The registry of an image (<c>ghcr.io/o/i</c>: <c>ghcr.io</c>; <c>postgres</c>, <c>o/i</c>: Docker Hub, empty), as RUN <c>DockerUtil</c>.</summary>
    public static string Registry(string image)
    {
        var parts = image.Split('/');
        return parts.Length > 2 || (parts.Length == 2 && (parts[0].Contains('.', StringComparison.Ordinal) || parts[0].Contains(':', StringComparison.Ordinal)))
            ? parts[0]
            : string.Empty;
    }

    /// <summary>Parses <c>docker port</c> lines (<c>5432/tcp -&gt; 0.0.0.0:49153</c>) into container port to host port.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ParsePorts(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var arrow = line.IndexOf(" -> ", StringComparison.Ordinal);
            var colon = line.LastIndexOf(':');
            if (arrow <= 0 || colon < arrow)
            {
                continue;
            }

            var containerPort = line[..arrow].Split('/')[0].Trim();
            yield return KeyValuePair.Create(containerPort, line[(colon + 1)..].Trim());
        }
    }
}
