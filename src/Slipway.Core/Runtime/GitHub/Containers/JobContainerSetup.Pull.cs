using System.Globalization;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Containers;

internal sealed partial class JobContainerSetup
{
    private const int PullAttempts = 3;

    /// <summary>
    /// <c>docker pull</c>, up to three times with a random 1-10 s back-off (RUN). With <c>credentials</c>, first
    /// <c>docker login --password-stdin</c> into a config folder of its own, deleted after the pull.
    /// </summary>
    private async Task<StepOutcome?> PullAsync(DockerCli cli, ContainerDefinition definition, CancellationToken cancel)
    {
        string? config = null;
        if (definition is { Username.Length: > 0, Password.Length: > 0 })
        {
            config = Path.Combine(job.Folders.Temp, ".docker_" + Guid.NewGuid().ToString("D"));
            Directory.CreateDirectory(config);
            var registry = ContainerCommands.Registry(definition.Image);
            var login = await cli.RunWithInputAsync(ContainerCommands.Login(config, registry, definition.Username), definition.Password, host.Environment, cancel).ConfigureAwait(false);
            if (login != 0)
            {
                Directory.Delete(config, recursive: true);
                return Fail($"Docker login for '{registry}' failed with exit code {login}", ContainerDiagnosticCodes.LoginFailed);
            }
        }

        try
        {
            var exitCode = 0;
            for (var attempt = 1; attempt <= PullAttempts; attempt++)
            {
                var pull = await cli.RunAsync(ContainerCommands.Pull(definition.Image, config), host.Environment, cancel).ConfigureAwait(false);
                exitCode = pull.ExitCode;
                if (pull.Succeeded)
                {
                    return null;
                }

                cancel.ThrowIfCancellationRequested();
                if (attempt < PullAttempts)
                {
                    var backOff = TimeSpan.FromMilliseconds(Random.Shared.Next(1000, 10_000));
                    Log.Warning($"Docker pull failed with exit code {exitCode}, back off {backOff.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds before retry.");
                    await Task.Delay(backOff, job.Run.Time, cancel).ConfigureAwait(false);
                }
            }

            return Fail($"Docker pull failed with exit code {exitCode}", ContainerDiagnosticCodes.PullFailed);
        }
        finally
        {
            if (config is not null && Directory.Exists(config))
            {
                Directory.Delete(config, recursive: true);
            }
        }
    }

    /// <summary>
    /// A service with a <c>HEALTHCHECK</c> is asked again while it is <c>starting</c>, with the runner's exponential
    /// back-off (2 s, then doubling up to 32 s); anything but <c>healthy</c> in the end fails the job.
    /// </summary>
    private async Task<StepOutcome?> HealthCheckAsync(DockerCli cli, RunningContainer service, CancellationToken cancel)
    {
        var alias = service.Definition.Alias;
        var health = await HealthAsync(cli, service, cancel).ConfigureAwait(false);
        if (string.IsNullOrEmpty(health))
        {
            return null;
        }

        for (var retry = 0; string.Equals(health, "starting", StringComparison.OrdinalIgnoreCase); retry++)
        {
            var backOff = ExponentialBackOff(retry);
            Log.Output($"{alias} service is starting, waiting {backOff.Seconds} seconds before checking again.");
            await Task.Delay(backOff, job.Run.Time, cancel).ConfigureAwait(false);
            health = await HealthAsync(cli, service, cancel).ConfigureAwait(false);
        }

        if (string.Equals(health, "healthy", StringComparison.OrdinalIgnoreCase))
        {
            Log.Output($"{alias} service is healthy.");
            return null;
        }

        return Fail($"Failed to initialize, {alias} service is {health}.", ContainerDiagnosticCodes.ServiceUnhealthy);
    }

    private async Task<string?> HealthAsync(DockerCli cli, RunningContainer service, CancellationToken cancel) =>
        (await cli.RunAsync(ContainerCommands.Inspect(service.Id!, ContainerCommands.HealthFormat), host.Environment, cancel).ConfigureAwait(false)).First?.Trim();

    /// <summary>RUN <c>BackoffTimerHelper.GetExponentialBackoff(attempt, 2 s, 32 s, 2 s)</c>: min + (2^attempt - 1) x delta (±20 %), at most max.</summary>
    private static TimeSpan ExponentialBackOff(int attempt)
    {
        var delta = TimeSpan.FromSeconds(2) * (0.8 + (Random.Shared.NextDouble() * 0.4));
        var backOff = TimeSpan.FromSeconds(2) + (delta * (Math.Pow(2, Math.Min(attempt, 10)) - 1));
        return backOff > TimeSpan.FromSeconds(32) ? TimeSpan.FromSeconds(32) : backOff;
    }
}
