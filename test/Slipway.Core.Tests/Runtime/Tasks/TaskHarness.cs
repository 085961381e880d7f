using Slipway.Core.Masking;
using Slipway.Core.Pipelines.Azure.Schema;
using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Services;
using Slipway.Core.Runtime.Steps;
using Slipway.Core.Runtime.Workspace;

namespace Slipway.Core.Tests.Runtime.Tasks;

/// <summary>
/// One job's worth of real folders and services for running task handlers directly: a workspace and
/// a run folder in a temp folder, the real artifact store, cache (in its own folder) and test-results
/// collector, recording fakes for variables, log, post-job steps and events, and real processes.
/// </summary>
internal sealed class TaskHarness : IDisposable
{
    private readonly TempFolder _temp = new();

    public TaskHarness(string? cacheDirectory = null, RunServices? services = null)
    {
        Workspace = JobWorkspace.Create(_temp["work/1"], _temp["tools"], _temp["repo"]);
        Workspace.CreateDirectories();
        Directory.CreateDirectory(Workspace.RepositoryRoot);
        RunDirectory = _temp["run"];
        CacheDirectory = cacheDirectory ?? _temp["cache"];
        Variables.Define("System.DefaultWorkingDirectory", Workspace.SourcesDirectory);
        Variables.Define("Build.BuildId", "42");
        Variables.Define("Agent.TempDirectory", Workspace.TempDirectory);
        Environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
            ["HOME"] = System.Environment.GetEnvironmentVariable("HOME") ?? _temp.Path,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        };
        var request = new RunServicesRequest(1, RunDirectory, _temp[".slipway"], new RunOptions { RepositoryRoot = Workspace.RepositoryRoot }, TimeProvider.System);
        Services = services ?? RuntimeComposition.CreateTaskServices(request, new Dictionary<string, string> { ["SLIPWAY_CACHE_DIR"] = CacheDirectory });
        Processes = new RecordingProcessRunner(Log, Environment, Workspace.SourcesDirectory);
        var stage = new TimelineNode(RecordKind.Stage, "Build", "Build", null);
        JobNode = new TimelineNode(RecordKind.Job, "Compile", "Compile", stage);
    }

    public JobWorkspace Workspace { get; }

    public string RunDirectory { get; }

    public string CacheDirectory { get; }

    public string Sources => Workspace.SourcesDirectory;

    public Dictionary<string, string> Environment { get; }

    public RecordingVariables Variables { get; } = new();

    public RecordingLog Log { get; } = new();

    public RecordingPostJob PostJob { get; } = new();

    public RecordingEvents Events { get; } = new();

    public RecordingProcessRunner Processes { get; }

    public RunServices Services { get; }

    public TimelineNode JobNode { get; }

    /// <summary>Writes a file under the sources folder.</summary>
    public string Source(string relative, string content = "x")
    {
        var full = Path.Combine(Sources, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public StepContext Context(string task, int major, params (string Name, string Value)[] inputs)
    {
        var definition = TaskCatalog.BuiltIn.Find(task, major, out _);
        var step = new StepPlan { Name = task + "1", Task = new TaskReference(task, major.ToString(System.Globalization.CultureInfo.InvariantCulture)), Keyword = "task" };
        return new StepContext
        {
            Step = step,
            Inputs = new StepInputs(inputs.Select(i => KeyValuePair.Create(i.Name, i.Value)), definition),
            DisplayName = task,
            Workspace = Workspace,
            Variables = Variables,
            Log = Log,
            Environment = Environment,
            Processes = Processes,
            Run = RunContext(),
            Node = new TimelineNode(RecordKind.Step, step.Name, task, JobNode),
            PostJob = PostJob,
        };
    }

    public Task<StepOutcome> RunAsync(IStepHandler handler, string task, int major, params (string Name, string Value)[] inputs) =>
        handler.RunAsync(Context(task, major, inputs), CancellationToken.None);

    /// <summary>Runs the post-job steps the handlers added, last added first (as the agent does).</summary>
    public async Task<List<StepOutcome>> RunPostJobAsync(string task, int major)
    {
        var outcomes = new List<StepOutcome>();
        foreach (var (_, run, _) in Enumerable.Reverse(PostJob.Steps))
        {
            outcomes.Add(await run(Context(task, major), CancellationToken.None));
        }

        return outcomes;
    }

    private RunContext RunContext() => new()
    {
        RunId = 1,
        RunDirectory = RunDirectory,
        StoreDirectory = _temp[".slipway"],
        Plan = new Plan { Syntax = PipelineSyntax.AzurePipelines, File = "azure-pipelines.yml", Stages = [] },
        Options = new RunOptions { RepositoryRoot = Workspace.RepositoryRoot },
        Time = TimeProvider.System,
        Masker = new SecretMasker(SecretMaskerOptions.AzurePipelines),
        Events = Events,
        Services = Services,
        Repository = new RepositoryInfo { Name = "repo" },
    };

    public void Dispose() => _temp.Dispose();
}
