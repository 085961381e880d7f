using Slipway.Core.Runtime.Steps;
using Slipway.Core.Runtime.Steps.Scripts;

namespace Slipway.Core.Runtime;

internal static partial class RuntimeComposition
{
    static partial void AddScriptHandlers(StepHandlerRegistry registry, RunOptions options)
    {
        registry
            .AddTask("CmdLine", 2, new BashHandler(isCmdLine: true))
            .AddTask("Bash", 3, new BashHandler(isCmdLine: false))
            .AddTask("PowerShell", 2, new PowerShellHandler())
            .AddKeyword("checkout", new FallbackCheckoutHandler());
    }
}
