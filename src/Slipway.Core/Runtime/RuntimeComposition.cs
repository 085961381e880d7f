using Slipway.Core.Runtime.Services;
using Slipway.Core.Runtime.Steps;
using Slipway.Core.Runtime.Workspace;

namespace Slipway.Core.Runtime;

/// <summary>
/// Where the parts of <c>slipway run</c> are plugged together. Each helper implements ITS partial
/// method in its own file (so nobody edits a shared list):
/// <list type="bullet">
/// <item><c>tasks</c>: <see cref="AddTaskHandlers"/> and <see cref="CreateServices"/> (artifact store, cache, test results);</item>
/// <item><c>checkout</c>: <see cref="AddCheckoutHandlers"/> and <see cref="CreateRepositoryInfoProvider"/>;</item>
/// <item><c>runtime</c> (this helper): <see cref="AddScriptHandlers"/> (CmdLine@2, Bash@3, PowerShell@2).</item>
/// </list>
/// An unimplemented partial method is simply not called.
/// </summary>
internal static partial class RuntimeComposition
{
    public static StepHandlerRegistry CreateRegistry(RunOptions options)
    {
        var registry = new StepHandlerRegistry();
        AddScriptHandlers(registry, options);
        AddTaskHandlers(registry, options);
        AddCheckoutHandlers(registry, options);
        return registry;
    }

    public static RunServices CreateRunServices(RunServicesRequest request)
    {
        RunServices services = new()
        {
            Artifacts = new UnavailableArtifactStore(),
            Cache = new UnavailableCacheStore(),
            TestResults = new SummingTestResultsCollector(),
        };
        CreateServices(request, ref services);
        return services;
    }

    public static IRepositoryInfoProvider CreateRepositoryInfo()
    {
        IRepositoryInfoProvider provider = new FallbackRepositoryInfoProvider();
        CreateRepositoryInfoProvider(ref provider);
        return provider;
    }

    static partial void AddScriptHandlers(StepHandlerRegistry registry, RunOptions options);

    static partial void AddTaskHandlers(StepHandlerRegistry registry, RunOptions options);

    static partial void AddCheckoutHandlers(StepHandlerRegistry registry, RunOptions options);

    static partial void CreateServices(RunServicesRequest request, ref RunServices services);

    static partial void CreateRepositoryInfoProvider(ref IRepositoryInfoProvider provider);
}
