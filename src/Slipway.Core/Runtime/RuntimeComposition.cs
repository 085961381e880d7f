using Slipway.Core.Runtime.Services;
using Slipway.Core.Runtime.Steps;
using Slipway.Core.Runtime.Workspace;

namespace Slipway.Core.Runtime;

/// <summary>
/// Where the parts of <c>slipway run</c> are plugged together. Each helper implements ITS partial
/// method in its own file (so nobody edits a shared list):
/// <list type="bullet">
/// <item><c>tasks</c>: <see cref="AddTaskHandlers"/> (the run services are <c>CreateTaskServices</c>);</item>
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

    /// <summary>The run's artifact store, cache and test-results collector (Tasks/).</summary>
    public static RunServices CreateRunServices(RunServicesRequest request) =>
        CreateTaskServices(request, request.Options.BaseEnvironment);

    public static IRepositoryInfoProvider CreateRepositoryInfo()
    {
        IRepositoryInfoProvider provider = new FallbackRepositoryInfoProvider();
        CreateRepositoryInfoProvider(ref provider);
        return provider;
    }

    static partial void AddScriptHandlers(StepHandlerRegistry registry, RunOptions options);

    static partial void AddTaskHandlers(StepHandlerRegistry registry, RunOptions options);

    static partial void AddCheckoutHandlers(StepHandlerRegistry registry, RunOptions options);

    static partial void CreateRepositoryInfoProvider(ref IRepositoryInfoProvider provider);
}
