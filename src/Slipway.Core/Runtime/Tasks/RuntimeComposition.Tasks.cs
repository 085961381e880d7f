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
    /// <summary>The built-in tasks of the tasks helper, then task packages from <c>--tasks-dir</c> and <c>.slipway/tasks/</c>.</summary>
    public static void RegisterBuiltInTasks(StepHandlerRegistry registry, TaskPackageLocator? packages)
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
    }

    /// <summary>The run's artifact store (under the run folder), the user's cache, and the test-results collector.</summary>
    public static RunServices CreateTaskServices(RunServicesRequest request, IReadOnlyDictionary<string, string>? environment)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? Env(string name) => environment is null ? Environment.GetEnvironmentVariable(name) : environment.GetValueOrDefault(name);
        return new RunServices
        {
            Artifacts = new RunArtifactStore(new ArtifactStore(Path.Combine(request.RunDirectory, "artifacts"))),
            Cache = new RunCacheStore(new CacheStore(CacheStore.DefaultRoot(Env), request.Time)),
            TestResults = new RunTestResultsCollector(),
        };
    }

    static partial void AddTaskHandlers(StepHandlerRegistry registry, RunOptions options) =>
        RegisterBuiltInTasks(registry, TaskPackageLocator.ForRun(options));

    static partial void CreateServices(RunServicesRequest request, ref RunServices services) =>
        services = CreateTaskServices(request, request.Options.BaseEnvironment);
}
