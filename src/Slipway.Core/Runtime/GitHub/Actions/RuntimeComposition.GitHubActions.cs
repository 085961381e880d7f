using Slipway.Core.Runtime.GitHub.Actions;
using Slipway.Core.Runtime.GitHub.Actions.WellKnown;

namespace Slipway.Core.Runtime;

internal static partial class RuntimeComposition
{
    static partial void CreateGitHubActionRunner(RunOptions options, ref IActionStepRunner runner)
    {
        var directory = options.ActionsDirectory ?? ActionLocator.DefaultDirectory(Environment.GetEnvironmentVariable);
        runner = new GitHubActionRunner(directory, new WellKnownActions(), new DockerEngine(TimeProvider.System));
    }
}
