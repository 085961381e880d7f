using Slipway.Core.Execution.Processes;

namespace Slipway.Core.Runtime.GitHub.Actions;

/// <summary>
/// Whether a Docker-compatible engine answers <c>docker version</c> (asked once per run, the first time a
/// container is needed). Without one, container steps fail with <see cref="MissingMessage"/>.
/// </summary>
internal sealed class DockerEngine(TimeProvider time, string program = "docker") : IDisposable
{
    public const string MissingMessage =
        "Docker actions need a Docker-compatible engine (docker/podman) answering `docker version`; none found.";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool? _available;

    public string Program => program;

    public void Dispose() => _gate.Dispose();

    public async Task<bool> IsAvailableAsync(IReadOnlyDictionary<string, string> environment, CancellationToken cancel)
    {
        await _gate.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            if (_available is { } known)
            {
                return known;
            }

            var path = ExecutableResolver.Resolve(program, environment, Path.GetTempPath());
            if (path is null)
            {
                _available = false;
                return false;
            }

            var spec = new ProcessSpec
            {
                FileName = path,
                Arguments = DockerCommands.Version(),
                WorkingDirectory = Path.GetTempPath(),
                Environment = environment,
                Timeout = TimeSpan.FromSeconds(30),
            };
            var result = await new ProcessRunner(time).RunAsync(spec, _ => ValueTask.CompletedTask, cancel).ConfigureAwait(false);
            _available = result.Succeeded;
            return result.Succeeded;
        }
        finally
        {
            _gate.Release();
        }
    }
}
