using Slipway.Core.Planning;
using Slipway.Core.Runtime.Artifacts;
using Slipway.Core.Runtime.Caching;
using Slipway.Core.Runtime.NodeTasks;
using Slipway.Core.Runtime.Steps;
using Slipway.Core.Runtime.Tasks.Archives;
using Slipway.Core.Runtime.Tasks.Artifacts;
using Slipway.Core.Runtime.Tasks.Caching;
using Slipway.Core.Runtime.Tasks.DotNet;
using Slipway.Core.Runtime.Tasks.Files;
using Slipway.Core.Runtime.Tasks.Testing;
using Slipway.Core.Runtime.Tasks.Tools;
using Slipway.Core.Runtime.TestResults;

// The composition root is a partial class in Slipway.Core.Runtime; this file is the tasks helper's part.
namespace Slipway.Core.Runtime;

internal static partial class RuntimeComposition
{
    private static readonly Lazy<StepHandlerRegistry> BuiltInTasks = new(() => RegisterBuiltInTasks(new StepHandlerRegistry(), null));

    /// <summary>True when Slipway runs <c>Name@Major</c> itself, including versions the task catalog (generated from
    /// service-schema.json) does not list yet, such as <c>PublishCodeCoverageResults@2</c> and <c>UseNode@1</c>.</summary>
    public static bool HasBuiltInTask(string name, int major) =>
        BuiltInTasks.Value.Find(new StepPlan
        {
            Name = "task",
            Keyword = "task",
            Task = new TaskReference(name, major.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        }) is not null;

    /// <summary>The built-in tasks of the tasks helper, then task packages from <c>--tasks-dir</c> and <c>.slipway/tasks/</c>.</summary>
    public static StepHandlerRegistry RegisterBuiltInTasks(StepHandlerRegistry registry, TaskPackageLocator? packages)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry
            .AddTask("CopyFiles", 2, new CopyFilesHandler())
            .AddTask("DeleteFiles", 1, new DeleteFilesHandler())
            .AddTask("ArchiveFiles", 2, new ArchiveFilesHandler())
            .AddTask("ExtractFiles", 1, new ExtractFilesHandler())
            .AddTask("PublishPipelineArtifact", 1, new PublishPipelineArtifactHandler())
            .AddTask("DownloadPipelineArtifact", 2, new DownloadPipelineArtifactHandler())
            .AddTask("PublishBuildArtifacts", 1, new PublishBuildArtifactsHandler())
            .AddTask("DownloadBuildArtifacts", 1, new DownloadBuildArtifactsHandler())
            .AddTask("Cache", 2, new CacheHandler())
            .AddTask("DotNetCoreCLI", 2, new DotNetCoreCliHandler())
            .AddTask("UseDotNet", 2, new UseDotNetHandler())
            .AddTask("NodeTool", 0, new NodeToolHandler())
            .AddTask("UseNode", 1, new NodeToolHandler("version", "10.x"))
            .AddTask("PublishTestResults", 2, new PublishTestResultsHandler())
            .AddTask("PublishCodeCoverageResults", 2, new PublishCodeCoverageHandler());
        if (packages is not null)
        {
            registry.AddResolver(task => packages.Find(task) is { } package ? new NodeTaskHandler(package) : null);
        }

        return registry;
    }

    /// <summary>The run's artifact store (under the run folder), the user's cache, and the test-results collector.</summary>
    public static RunServices CreateTaskServices(RunServicesRequest request, IReadOnlyDictionary<string, string>? environment)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The step environment drops SLIPWAY_* variables, so the cache settings fall back to this process's environment.
        string? Env(string name) => environment?.GetValueOrDefault(name) ?? Environment.GetEnvironmentVariable(name);
        var (limit, limitError) = CacheSizeLimit.Parse(Env(CacheSizeLimit.Variable));
        return new RunServices
        {
            Artifacts = new RunArtifactStore(new ArtifactStore(Path.Combine(request.RunDirectory, "artifacts"))),
            Cache = new RunCacheStore(new CacheStore(CacheStore.DefaultRoot(Env), request.Time, limit), limitError),
            TestResults = new RunTestResultsCollector(),
        };
    }

    static partial void AddTaskHandlers(StepHandlerRegistry registry, RunOptions options) =>
        _ = RegisterBuiltInTasks(registry, TaskPackageLocator.ForRun(options));
}
