using System.Text.Json.Nodes;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Masking;
using Slipway.Core.Pipelines.GitHub;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.GitHub.Actions;
using Slipway.Core.Runtime.GitHub.Jobs;
using Slipway.Core.Runtime.GitHub.Triggers;
using Slipway.Core.Runtime.Workspace;
using Slipway.Core.Tests.Runtime.Checkout;

namespace Slipway.Core.Tests.Runtime.GitHub.Jobs;

/// <summary>
/// Reads a workflow and runs one of its jobs with <see cref="WorkflowJobRunner"/>, recorded in a real run
/// store in a fresh folder (as <see cref="LocalRun"/> records a run), with real processes.
/// </summary>
internal sealed class JobHarness : IDisposable
{
    public const string Secret = "s3cr3t-Value!42";

    public string Dir { get; } = Directory.CreateTempSubdirectory("slipway-ghajob-").FullName;

    public CollectingSink Events { get; } = new();

    public SecretMasker Masker { get; } = SecretMasker.ForGitHubActions();

    public string StoreDirectory => Path.Combine(Dir, ".slipway");

    public long RunId { get; private set; }

    public IActionStepRunner Actions { get; set; } = new UnavailableActionStepRunner();

    public bool Debug { get; set; }

    /// <summary>The run's artifact/cache stores; null: stores that refuse (most job tests need none).</summary>
    public RunServices? Services { get; set; }

    public ObjectValue Secrets { get; set; } = new([KeyValuePair.Create("MY_SECRET", ExpressionValue.From(Secret))]);

    public ObjectValue Vars { get; set; } = ObjectValue.Empty;

    public ObjectValue Matrix { get; set; } = ObjectValue.Empty;

    public double TimeoutMinutes { get; set; } = 360;

    public async Task<WorkflowJobResult> RunAsync(string yaml, string jobId = "build", TimeProvider? time = null, CancellationToken cancel = default)
    {
        time ??= TimeProvider.System;
        var file = Path.Combine(Dir, ".github", "workflows", "ci.yml");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, yaml, CancellationToken.None);
        var read = WorkflowReader.Read(file, ".github/workflows/ci.yml");
        Assert.True(read.Workflow is not null && read.Errors.Count == 0, string.Join("\n", read.Diagnostics));
        var workflow = read.Workflow!;
        var job = workflow.Jobs.OfType<Job>().Single(j => j.Id.Value == jobId);

        await using var store = await RunStore.OpenAsync(StoreDirectory, time, CancellationToken.None);
        RunId = await store.CreateRunAsync(new RunStart("github-actions", ".github/workflows/ci.yml", "ci"), CancellationToken.None);
        var runDirectory = Path.Combine(StoreDirectory, "runs", RunId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(runDirectory);
        foreach (var (_, value) in Secrets.Entries)
        {
            Masker.AddValue(value.ToDisplayString(ExpressionDialect.GitHubActions));
        }

        var options = new RunOptions
        {
            RepositoryRoot = Dir,
            Debug = Debug,
            ToolsDirectory = Path.Combine(Dir, "tools"),
            BaseEnvironment = new Dictionary<string, string> { ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin", ["HOME"] = Dir },
        };
        var context = new RunContext
        {
            RunId = RunId,
            RunDirectory = runDirectory,
            StoreDirectory = StoreDirectory,
            Plan = new Plan { Syntax = PipelineSyntax.GitHubActions, File = ".github/workflows/ci.yml", Stages = [] },
            Options = options,
            Time = time,
            Masker = Masker,
            Events = Events,
            Services = Services ?? new RunServices { Artifacts = new UnavailableArtifactStore(), Cache = new UnavailableCacheStore(), TestResults = new SummingTestResultsCollector() },
            Repository = new Core.Runtime.Workspace.RepositoryInfo { Name = "repo" },
        };
        var writer = new TimelineWriter(store, RunId, time);
        var recorder = new RunRecorder(writer, RunId, Events, Masker, time);
        var stage = await recorder.AddAsync(RecordKind.Stage, "__default", "__default", null, 1);
        var node = await recorder.AddAsync(RecordKind.Job, jobId, jobId, stage, 1);
        var request = new WorkflowJobRequest
        {
            Job = job,
            Workflow = workflow,
            Node = node,
            Event = Event,
            JobId = jobId,
            DisplayName = jobId,
            Secrets = Secrets,
            Vars = Vars,
            Matrix = Matrix,
            TimeoutMinutes = TimeoutMinutes,
        };
        var result = await new WorkflowJobRunner(context, recorder, Actions).RunAsync(request, cancel, CancellationToken.None);
        await writer.CompleteAsync();
        await store.CompleteRunAsync(RunId, result.Result, CancellationToken.None);
        return result;
    }

    /// <summary>A workflow with one job <c>build</c> whose <c>steps:</c> are <paramref name="steps"/> (indented for it).</summary>
    public static string Workflow(string steps) => $"""
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
        {steps}
        """;

    /// <summary>Removes the repository folder and the run's work folder.</summary>
    public void Dispose()
    {
        foreach (var dir in new[] { WorkFolder.ForRun(Dir, RunId), Dir })
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a test's leftovers in the temp folder harm nothing.
            }
        }
    }

    public TriggeringEvent Event { get; set; } = new()
    {
        Name = "push",
        Payload = new JsonObject { ["ref"] = "refs/heads/main", ["repository"] = new JsonObject { ["id"] = 42, ["full_name"] = "octo/repo" } },
        Ref = "refs/heads/main",
        Sha = "0123456789abcdef0123456789abcdef01234567",
        Actor = "octocat",
        Repository = "octo/repo",
    };

    /// <summary>Every output line of the job's steps (masked, as the views get them).</summary>
    public IReadOnlyList<string> Output => [.. Events.Lines.Select(l => l.Text)];

    public string OutputText => string.Join("\n", Output);

    public RecordCompleted Step(string displayName) =>
        Events.All.OfType<RecordCompleted>().Single(c => c.Node.Kind == RecordKind.Step && c.Node.DisplayName == displayName);

    public IEnumerable<RecordCompleted> Steps => Events.All.OfType<RecordCompleted>().Where(c => c.Node.Kind == RecordKind.Step);

    /// <summary>All log files of the run, concatenated.</summary>
    public string LogFiles => string.Join("\n", Directory.EnumerateFiles(Path.Combine(StoreDirectory, "runs"), "*.log", SearchOption.AllDirectories).Order().Select(File.ReadAllText));

    /// <summary>The run store's database file and every file under the store, as bytes turned to text.</summary>
    public string StoreBytes => string.Join("\n", Directory.EnumerateFiles(StoreDirectory, "*", SearchOption.AllDirectories).Select(f =>
    {
        using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }));
}
