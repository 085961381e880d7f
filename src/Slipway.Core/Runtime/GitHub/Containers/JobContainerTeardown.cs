using Slipway.Core.Runtime.GitHub.Actions;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Containers;

/// <summary>
/// "Stop containers" (RUN <c>ContainerOperationProvider.StopContainersAsync</c>): each service's logs printed, every
/// container removed with <c>docker rm --force</c>, then the network removed. Runs whatever ended the job (failure,
/// timeout, cancel) and is never canceled itself; a failing command is a warning.
/// </summary>
internal static class JobContainerTeardown
{
    public static async Task StopAsync(JobContainers containers, IStepLogger log, IReadOnlyDictionary<string, string> environment, string workingDirectory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(containers);
        ArgumentNullException.ThrowIfNull(log);
        if (containers.TornDown)
        {
            return;
        }

        containers.TornDown = true;
        var cli = new DockerCli(containers.Docker, workingDirectory, time, log);
        foreach (var container in containers.All.Where(c => c.Id is not null))
        {
            if (!container.Definition.IsJobContainer)
            {
                log.Output($"Print service container logs: {container.Name}");
                var logs = await cli.RunAsync(ContainerCommands.Logs(container.Id!), environment, CancellationToken.None).ConfigureAwait(false);
                Warn(log, logs, $"Docker logs fail with exit code {logs.ExitCode}");
            }

            log.Output($"Stop and remove container: {container.Name}");
            var removed = await cli.RunAsync(ContainerCommands.Remove(container.Id!), environment, CancellationToken.None).ConfigureAwait(false);
            Warn(log, removed, $"Docker rm fail with exit code {removed.ExitCode}");
        }

        if (containers.NetworkCreated)
        {
            log.Output($"Remove container network: {containers.Network}");
            var network = await cli.RunAsync(DockerCommands.RemoveNetwork(containers.Network), environment, CancellationToken.None).ConfigureAwait(false);
            Warn(log, network, $"Docker network rm failed with exit code {network.ExitCode}");
        }
    }

    private static void Warn(IStepLogger log, DockerOutput output, string message)
    {
        if (!output.Succeeded)
        {
            log.Warning(message, code: ContainerDiagnosticCodes.TearDownFailed);
        }
    }
}
