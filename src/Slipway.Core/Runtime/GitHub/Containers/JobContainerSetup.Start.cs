using System.Text;
using Slipway.Core.Execution.Processes;
using Slipway.Core.Runtime.GitHub.Actions;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Containers;

internal sealed partial class JobContainerSetup
{
    /// <summary>The network name and the job container's path mappings (RUN <c>ContainerInfo</c>): work folder, tools, node, home, workflow.</summary>
    private JobContainers Prepare(string docker)
    {
        var folders = job.Folders;
        var home = Path.Combine(folders.Temp, "_github_home");
        var workflow = Path.GetDirectoryName(folders.EventPath)!;
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(workflow);
        var actions = job.Run.Options.ActionsDirectory ?? ActionLocator.DefaultDirectory(Environment.GetEnvironmentVariable);
        var node = NodeInstallFolder();
        var mappings = new List<(string, string)>
        {
            (home, ContainerHome),
            (workflow, "/github/workflow"),
            (Path.GetFullPath(actions), "/__w/_actions"),
            (folders.Temp, "/__w/_temp"), // the run slot's temp folder, as the runner's _work/_temp
            (folders.Root, "/__w"),
            (folders.ToolCache, "/__t"),
        };
        if (node is not null)
        {
            mappings.Add((node, JobContainers.NodeFolder));
        }

        return new JobContainers(docker, "github_network_" + Guid.NewGuid().ToString("N"), new ContainerPathMap(mappings)) { HostNode = node };
    }

    /// <summary>The install folder of the host's <c>node</c> (<c>/usr</c> for <c>/usr/bin/node</c>), mounted read-only as the runner mounts its externals.</summary>
    private string? NodeInstallFolder()
    {
        if (ExecutableResolver.Resolve("node", host.Environment, job.Folders.Temp) is not { } node)
        {
            return null;
        }

        var real = new FileInfo(node).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? node;
        return Path.GetDirectoryName(Path.GetDirectoryName(real));
    }

    /// <summary>The volumes of the job container, in the runner's order: docker socket, the user's, work, node, temp, actions, tools, home, workflow.</summary>
    private List<string> JobVolumes(JobContainers containers, ContainerDefinition definition)
    {
        var volumes = new List<string> { "/var/run/docker.sock:/var/run/docker.sock" };
        volumes.AddRange(definition.Volumes);
        var f = job.Folders;
        var map = containers.Paths;
        volumes.Add($"{f.Root}:{map.ToContainer(f.Root)}");
        if (containers.HostNode is { } node)
        {
            volumes.Add($"{node}:{JobContainers.NodeFolder}:ro");
        }

        volumes.Add($"{f.Temp}:{map.ToContainer(f.Temp)}");

        // The actions folder (--actions-dir, or the cache) is where downloaded actions are, as the runner's _work/_actions.
        var actions = map.Mappings.First(m => m.Container == "/__w/_actions").Host;
        if (Directory.Exists(actions))
        {
            volumes.Add($"{actions}:/__w/_actions");
        }

        volumes.AddRange([
            $"{f.ToolCache}:{map.ToContainer(f.ToolCache)}",
            $"{Path.Combine(f.Temp, "_github_home")}:{ContainerHome}",
            $"{Path.GetDirectoryName(f.EventPath)}:/github/workflow",
        ]);
        return volumes;
    }

    private async Task<StepOutcome?> StartContainerAsync(DockerCli cli, JobContainers containers, ContainerDefinition definition, CancellationToken cancel)
    {
        var container = new RunningContainer(definition, DisplayName(definition));
        Log.Group(definition.IsJobContainer ? "Starting job container" : $"Starting {definition.Alias} service container");
        try
        {
            if (await PullAsync(cli, definition, cancel).ConfigureAwait(false) is { } pullFailed)
            {
                return pullFailed;
            }

            var environment = new Dictionary<string, string>(host.Environment, StringComparer.Ordinal);
            foreach (var (name, value) in definition.Env)
            {
                environment[name] = value;
            }

            var create = definition.IsJobContainer
                ? ContainerCommands.Create(container, containers.Network, JobVolumes(containers, definition), containers.Paths.ToContainer(job.Folders.Workspace), ["-f", "/dev/null"], "tail")
                : ContainerCommands.Create(container, containers.Network, definition.Volumes, null, [], null);
            var created = await cli.RunAsync(create, environment, cancel).ConfigureAwait(false);
            if (!created.Succeeded || created.Lines.LastOrDefault(l => l.Length > 0) is not { } id)
            {
                return Fail($"Docker create failed with exit code {created.ExitCode}", ContainerDiagnosticCodes.StartFailed);
            }

            container.Id = id.Trim();
            if (definition.IsJobContainer)
            {
                containers.Job = container;
            }
            else
            {
                containers.Services.Add(container);
            }

            var started = await cli.RunAsync(ContainerCommands.Start(container.Id), host.Environment, cancel).ConfigureAwait(false);
            if (!started.Succeeded)
            {
                return Fail($"Docker start fail with exit code {started.ExitCode}", ContainerDiagnosticCodes.StartFailed);
            }

            await DescribeAsync(cli, container, cancel).ConfigureAwait(false);
            return null;
        }
        finally
        {
            Log.EndGroup();
        }
    }

    /// <summary>A service's mapped ports (<c>job.services.&lt;id&gt;.ports</c>); the job container's own PATH.</summary>
    private async Task DescribeAsync(DockerCli cli, RunningContainer container, CancellationToken cancel)
    {
        if (container.Definition.IsJobContainer)
        {
            var env = await cli.RunAsync(ContainerCommands.Inspect(container.Id!, ContainerCommands.EnvFormat), host.Environment, cancel, echo: false).ConfigureAwait(false);
            container.RuntimePath = env.Lines.Select(l => l.Split('=', 2)).FirstOrDefault(p => p.Length == 2 && p[0] == "PATH")?[1];
            return;
        }

        var ports = await cli.RunAsync(ContainerCommands.Port(container.Id!), host.Environment, cancel).ConfigureAwait(false);
        foreach (var (containerPort, hostPort) in ContainerCommands.ParsePorts(ports.Lines))
        {
            container.Ports[containerPort] = hostPort;
        }
    }

    /// <summary><c>&lt;alias&gt;_&lt;image without punctuation&gt;_&lt;6 hex&gt;</c>; the job container's alias is a new id, as the service's is on GitHub.</summary>
    private static string DisplayName(ContainerDefinition definition)
    {
        var image = new StringBuilder();
        foreach (var c in definition.Image)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                image.Append(c);
            }
        }

        var alias = Guid.NewGuid().ToString("N");
        return $"{alias}_{image}_{Guid.NewGuid().ToString("N")[..6]}";
    }
}
