using Slipway.Core.Execution.Output;
using Slipway.Core.Runtime.GitHub.Actions;
using Slipway.Core.Runtime.GitHub.Jobs;

namespace Slipway.Core.Runtime.GitHub.Containers;

/// <summary>A step's process as <c>docker exec</c> in the job container: the program, its arguments and the docker CLI's environment.</summary>
internal sealed record ContainerProcess(string Program, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment);

/// <summary>
/// Runs a step's program in the job container as RUN <c>ContainerStepHost</c> does:
/// <c>docker exec -i --workdir DIR -e NAME... [-e PATH=...] ID PROGRAM ARGS</c>. The step's variables go by name with
/// their values (host paths translated to container paths) in the docker CLI's environment; the machine's own
/// environment stays out; <c>GITHUB_PATH</c> additions are put before the image's PATH.
/// </summary>
internal static class ContainerExec
{
    public static ContainerProcess Wrap(
        GitHubJobState job, string program, IEnumerable<string> arguments, string hostWorkingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(environment);
        var containers = job.Containers!;
        var map = containers.Paths;
        var machine = job.Run.BaseEnvironment;
        var dockerEnvironment = new Dictionary<string, string>(environment, StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var (name, value) in environment)
        {
            if (GitHubActionRunner.IsPassedToContainer(name, value, machine))
            {
                names.Add(name);
                dockerEnvironment[name] = map.ToContainer(value);
            }
        }

        var path = job.PrependPath.Count == 0
            ? null
            : StepResults.BuildPath([.. job.PrependPath.Select(map.ToContainer)], containers.Job!.RuntimePath);
        var exec = DockerCommands.Exec(containers.Job!.Id!, map.ToContainer(hostWorkingDirectory), names, [program, .. arguments.Select(map.ToContainer)], path);
        return new ContainerProcess(containers.Docker, exec, dockerEnvironment);
    }
}
