using System.Runtime.CompilerServices;

namespace Slipway.Core.Tests;

internal static class TestEnvironment
{
    /// <summary>Job workspaces of the runs these tests make go to a temporary folder, not the user's cache.</summary>
    [ModuleInitializer]
    internal static void Initialize()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SLIPWAY_WORK_DIR")))
        {
            Environment.SetEnvironmentVariable("SLIPWAY_WORK_DIR", Directory.CreateTempSubdirectory("slipway-test-work-").FullName);
        }
    }
}
