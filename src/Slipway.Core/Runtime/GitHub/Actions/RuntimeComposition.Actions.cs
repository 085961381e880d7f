using Slipway.Core.Runtime.GitHub.Actions;

namespace Slipway.Core.Runtime;

internal static partial class RuntimeComposition
{
    /// <summary>
    /// The runner of <c>uses:</c> steps. The <c>ghaactions</c> helper implements
    /// <see cref="CreateGitHubActionRunner"/> in its own file; until then every <c>uses:</c> step fails
    /// with <see cref="UnavailableActionStepRunner"/>'s message.
    /// </summary>
    public static IActionStepRunner CreateActionStepRunner(RunOptions options)
    {
        IActionStepRunner runner = new UnavailableActionStepRunner();
        CreateGitHubActionRunner(options, ref runner);
        return runner;
    }

    static partial void CreateGitHubActionRunner(RunOptions options, ref IActionStepRunner runner);
}
