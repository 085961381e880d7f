using Slipway.Core.Runtime.Checkout;
using Slipway.Core.Runtime.Repositories;
using Slipway.Core.Runtime.Steps;
using Slipway.Core.Runtime.Workspace;

namespace Slipway.Core.Runtime;

/// <summary>The checkout helper's part of the composition: the <c>checkout</c> keyword and git-backed repository information.</summary>
internal static partial class RuntimeComposition
{
    static partial void AddCheckoutHandlers(StepHandlerRegistry registry, RunOptions options) =>
        registry.AddKeyword("checkout", new CheckoutStepHandler());

    static partial void CreateRepositoryInfoProvider(ref IRepositoryInfoProvider provider) =>
        provider = new GitRepositoryInfoProvider();
}
