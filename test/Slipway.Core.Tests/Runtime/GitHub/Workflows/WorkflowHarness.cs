using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Runs;
using Slipway.Core.Runtime;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.GitHub.Jobs;
using Slipway.Core.Runtime.GitHub.Triggers;
using Slipway.Core.Runtime.GitHub.Workflows;

namespace Slipway.Core.Tests.Runtime.GitHub.Workflows;

/// <summary>Reads workflow text from a temporary repository and orchestrates it with <see cref="GitHubLocalRun"/> and a <see cref="FakeJobRunner"/>.</summary>
internal sealed class WorkflowHarness
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("slipway-gharun-").FullName;

    public CollectingSink Events { get; } = new();

    public FakeJobRunner Runner { get; } = new();

    public string ActionsDirectory => Path.Combine(Dir, "actions-cache");

    /// <summary>Writes <paramref name="relativePath"/> (e.g. a called workflow) into the repository.</summary>
    public void Write(string relativePath, string text)
    {
        var path = Path.Combine(Dir, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public async Task<LocalRunResult> RunAsync(string yaml, RunOptions? options = null, IReadOnlyList<KeyValuePair<string, string>>? vars = null, CancellationToken cancel = default)
    {
        Write(".github/workflows/ci.yml", yaml);
        var loader = new WorkflowLoader(Dir, ActionsDirectory);
        var read = loader.Read(Path.Combine(Dir, ".github/workflows/ci.yml"), ".github/workflows/ci.yml");
        Assert.True(read.Workflow is not null, string.Join("\n", read.Diagnostics));
        var e = new TriggeringEvent
        {
            Name = "push",
            Payload = new JsonObject { ["ref"] = "refs/heads/main" },
            Ref = "refs/heads/main",
            Sha = new string('a', 40),
            Actor = "octocat",
            Repository = "octo/repo",
        };
        var request = new GitHubRunRequest
        {
            Workflow = read.Workflow,
            WorkflowPath = ".github/workflows/ci.yml",
            Event = e,
            Options = (options ?? new RunOptions { RepositoryRoot = Dir }) with { RepositoryRoot = Dir },
            Vars = vars ?? [],
            Loader = loader,
        };
        return await GitHubLocalRun.RunAsync(request, Events, (_, recorder) => Runner.With(recorder), TimeProvider.System, cancel, CancellationToken.None);
    }

    /// <summary>The result each job record ended with, by shown name.</summary>
    public Dictionary<string, RunResult> Results() => Events.All.OfType<RecordCompleted>()
        .Where(c => c.Node.Kind == RecordKind.Job)
        .ToDictionary(c => c.Node.DisplayName, c => c.Result, StringComparer.Ordinal);
}

/// <summary>A job runner that runs nothing: each job's behaviour is given by the test; requests, order and concurrency are recorded.</summary>
internal sealed class FakeJobRunner : IWorkflowJobRunner
{
    private RunRecorder? _recorder;
    private int _running;
    private int _maxRunning;

    public ConcurrentDictionary<string, Func<WorkflowJobRequest, CancellationToken, Task<WorkflowJobResult>>> Behaviours { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<WorkflowJobRequest> Requests { get; } = new();

    public int MaxRunning => _maxRunning;

    public WorkflowJobRequest Request(string displayName) => Requests.Single(r => r.DisplayName == displayName);

    public FakeJobRunner With(RunRecorder recorder)
    {
        _recorder = recorder;
        return this;
    }

    /// <summary>The job (by id) ends with <paramref name="result"/> and these outputs.</summary>
    public void Returns(string jobId, RunResult result, params (string Key, string Value)[] outputs) =>
        Behaviours[jobId] = (_, _) => Task.FromResult(new WorkflowJobResult(result, outputs.ToDictionary(o => o.Key, o => o.Value)));

    public async Task<WorkflowJobResult> RunAsync(WorkflowJobRequest request, CancellationToken cancel, CancellationToken kill)
    {
        Requests.Enqueue(request);
        await _recorder!.StartAsync(request.Node, null);
        var now = Interlocked.Increment(ref _running);
        InterlockedMax(ref _maxRunning, now);
        WorkflowJobResult result;
        try
        {
            result = Behaviours.TryGetValue(request.JobId, out var behaviour)
                ? await behaviour(request, cancel)
                : new WorkflowJobResult(RunResult.Succeeded, new Dictionary<string, string>());
        }
        catch (OperationCanceledException)
        {
            result = new WorkflowJobResult(RunResult.Canceled, new Dictionary<string, string>());
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }

        await _recorder.CompleteAsync(request.Node, result.Result, TimeSpan.Zero);
        return result;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

internal static class ValueText
{
    public static string Of(ExpressionValue value) => Core.Expressions.GitHub.GitHubCoercion.IsPrimitive(value)
        ? Core.Expressions.GitHub.GitHubCoercion.ToDisplayString(value)
        : ValueJson.Write(value, indented: false);
}
