using Slipway.Core.Execution.Processes;
using Slipway.Core.Runtime.GitHub.Actions;
using Slipway.Core.Runtime.GitHub.Contexts;
using Slipway.Core.Runtime.GitHub.Jobs;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Containers;

/// <summary>
/// "Initialize containers" of a job with <c>container:</c>/<c>services:</c>, as RUN <c>ContainerOperationProvider</c>:
/// the docker version, a job network, each container pulled, created and started, then the services' health.
/// What it created is in <see cref="GitHubJobState.Containers"/>, so "Stop containers" removes it whatever happened.
/// </summary>
internal sealed partial class JobContainerSetup(GitHubJobState job, StepHost host)
{
    /// <summary>HOME of the job container (the runner's <c>_temp/_github_home</c> mounted there).</summary>
    public const string ContainerHome = "/github/home";

    private IStepLogger Log => host.Log;

    /// <summary>Whether the job declares any container (an empty <c>container:</c> image runs on the host).</summary>
    public static bool IsDeclared(GitHubJobState job) => job.Request.Job.Container is not null || job.Request.Job.Services is not null;

    public async Task<StepOutcome> StartAsync(CancellationToken cancel)
    {
        var at = (job.Request.Job.Container ?? job.Request.Job.Services)!.Location;
        var definitions = Definitions();
        if (definitions is null)
        {
            return new StepOutcome(Runs.RunResult.Failed);
        }

        if (definitions.Count == 0)
        {
            return StepOutcome.Succeeded;
        }

        if (!OperatingSystem.IsLinux())
        {
            return Fail("Container operations are only supported on Linux runners", ContainerDiagnosticCodes.NotLinux, at);
        }

        var environment = host.Environment;
        var docker = await job.Actions.IsContainerEngineAvailableAsync(host, cancel).ConfigureAwait(false)
            ? ExecutableResolver.Resolve("docker", environment, job.Folders.Temp)
            : null;
        if (docker is null)
        {
            var what = string.Join(" and ", new[] { job.Request.Job.Container is null ? null : "container:", job.Request.Job.Services is null ? null : "services:" }.OfType<string>());
            return Fail($"The job uses {what}, which need the docker CLI and a running Docker-compatible engine (docker, or podman as 'docker'; DOCKER_HOST is honoured) answering `docker version`; none answered. Install and start one, or remove {what} to run the steps on this machine.",
                ContainerDiagnosticCodes.EngineMissing, at);
        }

        var containers = Prepare(docker);
        job.Containers = containers;
        var cli = new DockerCli(docker, job.Folders.Temp, job.Run.Time, Log);
        Log.Group("Checking docker version");
        var version = await cli.RunAsync(DockerCommands.Version(), environment, cancel).ConfigureAwait(false);
        Log.EndGroup();
        if (!version.Succeeded)
        {
            return Fail($"Docker version failed with exit code {version.ExitCode}", ContainerDiagnosticCodes.EngineMissing);
        }

        Log.Group("Create local container network");
        var network = await cli.RunAsync(DockerCommands.CreateNetwork(containers.Network), environment, cancel).ConfigureAwait(false);
        Log.EndGroup();
        if (!network.Succeeded)
        {
            return Fail($"Docker network create failed with exit code {network.ExitCode}", ContainerDiagnosticCodes.NetworkFailed);
        }

        containers.NetworkCreated = true;
        foreach (var definition in definitions)
        {
            if (await StartContainerAsync(cli, containers, definition, cancel).ConfigureAwait(false) is { } failed)
            {
                return failed;
            }
        }

        Log.Group("Waiting for all services to be ready");
        foreach (var service in containers.Services)
        {
            if (await HealthCheckAsync(cli, service, cancel).ConfigureAwait(false) is { } unhealthy)
            {
                Log.EndGroup();
                return unhealthy;
            }
        }

        Log.EndGroup();
        return StepOutcome.Succeeded;
    }

    /// <summary>The job container first, then the services in their written order; null when they could not be evaluated.</summary>
    private List<ContainerDefinition>? Definitions()
    {
        var context = JobContexts.JobEnv(job);
        var result = new List<ContainerDefinition>();
        foreach (var (token, isJob) in new[] { (job.Request.Job.Container, true), (job.Request.Job.Services, false) })
        {
            if (token is null)
            {
                continue;
            }

            var value = TokenEvaluator.Evaluate(token, context);
            if (!value.IsSuccess)
            {
                var e = value.Error;
                Log.Error(e.Message, e.Location.File, e.Location.Line, e.Location.Column, ContainerDiagnosticCodes.InvalidDefinition);
                return null;
            }

            if (isJob)
            {
                if (ContainerDefinition.JobContainer(value.Value) is { } container)
                {
                    result.Add(container);
                }
            }
            else
            {
                result.AddRange(ContainerDefinition.Services(value.Value));
            }
        }

        foreach (var password in result.Select(d => d.Password).OfType<string>().Where(s => s.Length > 0))
        {
            // A registry password is masked even when it was written in the workflow instead of coming from a secret.
            job.Run.Masker.AddValue(password);
        }

        return result;
    }

    private StepOutcome Fail(string message, string code, Diagnostics.SourceLocation? at = null)
    {
        Log.Error(message, at?.File, at?.Line, at?.Column, code);
        return new StepOutcome(Runs.RunResult.Failed);
    }
}
