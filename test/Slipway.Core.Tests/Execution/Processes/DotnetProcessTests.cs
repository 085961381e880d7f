using System.Globalization;
using Slipway.Core.Execution.Processes;

namespace Slipway.Core.Tests.Execution.Processes;

/// <summary>The portable start (System.Diagnostics.Process through setsid), used where posix_spawn is not:
/// on Linux it is exercised directly, since ProcessRunner picks posix_spawn here.</summary>
public sealed class DotnetProcessTests
{
    [Fact]
    public async Task PROC_DotnetFallback_ReportsTheExitStatusAndLeadsItsOwnGroup()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var (child, error) = DotnetProcess.Start("/bin/bash", ["-c", "cat /proc/$$/stat 2>/dev/null; exit 7"], ProcessTestHelpers.MinimalEnvironment, Path.GetTempPath());

        Assert.Null(error);
        using (child)
        {
            using var reader = new StreamReader(child!.StandardOutput);
            var output = await reader.ReadToEndAsync();
            await child.WaitForExitAsync(CancellationToken.None);
            Assert.Equal(7, child.ExitCode);
            if (ProcessGroups.SetsidPath is not null && output.Length > 0)
            {
                var fields = output.Split(") ")[1].Split(' ');
                Assert.Equal(child.Id, int.Parse(fields[2], CultureInfo.InvariantCulture));
            }
        }
    }
}
