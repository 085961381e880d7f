using System.Text.Json;

namespace Slipway.Cli.Tests.Run.GitHub.Containers;

/// <summary>One call of the fake docker (test/fixtures/docker/docker): its argv, the <c>-e NAME</c>s and whether each had a value.</summary>
internal sealed record DockerCall(IReadOnlyList<string> Argv, IReadOnlyDictionary<string, bool> Env, IReadOnlyDictionary<string, string> Values, string? StdinSha256)
{
    public string Command => Argv[0] == "--config" ? Argv[2] : Argv[0];

    public string Line => string.Join(' ', Argv);
}

/// <summary>
/// Puts the fake docker first on PATH (this process's, which <c>slipway run</c> in-process gives its steps) and gives
/// each test its own state folder and settings. Tests using it are in one collection, so they never run at the same time.
/// </summary>
internal sealed class FakeDocker : IDisposable
{
    private static readonly Lock Gate = new();
    private static bool _onPath;

    public FakeDocker(string? health = null, string? pullFail = null, string? startFail = null)
    {
        lock (Gate)
        {
            if (!_onPath)
            {
                var folder = Path.Combine(RepoRoot(), "test", "fixtures", "docker");
                Environment.SetEnvironmentVariable("PATH", folder + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"));
                _onPath = true;
            }
        }

        State = Directory.CreateTempSubdirectory("slipway-fake-docker-").FullName;
        Environment.SetEnvironmentVariable("FAKE_DOCKER_STATE", State);
        Environment.SetEnvironmentVariable("FAKE_DOCKER_HEALTH", health);
        Environment.SetEnvironmentVariable("FAKE_DOCKER_PULL_FAIL", pullFail);
        Environment.SetEnvironmentVariable("FAKE_DOCKER_START_FAIL", startFail);
    }

    public string State { get; }

    public string LogText => File.Exists(Path.Combine(State, "log.jsonl")) ? File.ReadAllText(Path.Combine(State, "log.jsonl")) : string.Empty;

    /// <summary>Every call after the engine check(s) (<c>docker version</c>), in order.</summary>
    public List<DockerCall> Calls => [.. LogText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse)];

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("FAKE_DOCKER_STATE", null);
        Environment.SetEnvironmentVariable("FAKE_DOCKER_HEALTH", null);
        Environment.SetEnvironmentVariable("FAKE_DOCKER_PULL_FAIL", null);
        Environment.SetEnvironmentVariable("FAKE_DOCKER_START_FAIL", null);
    }

    private static DockerCall Parse(string line)
    {
        var json = JsonDocument.Parse(line).RootElement;
        return new DockerCall(
            [.. json.GetProperty("argv").EnumerateArray().Select(a => a.GetString()!)],
            json.GetProperty("env").EnumerateArray().GroupBy(e => e.GetProperty("name").GetString()!).ToDictionary(g => g.Key, g => g.First().GetProperty("set").GetBoolean()),
            json.GetProperty("values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
            json.TryGetProperty("stdinSha256", out var sha) ? sha.GetString() : null);
    }

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Slipway.slnx")))
            {
                return d.FullName;
            }
        }

        throw new DirectoryNotFoundException("Slipway.slnx not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FakeDockerTests
{
    public const string Name = "fake docker";
}
