using Slipway.Core.Runtime.GitHub.Actions;
using Slipway.Core.Runtime.GitHub.Actions.WellKnown;

namespace Slipway.Core.Tests.Runtime.GitHub.Actions;

/// <summary>The version specs of actions/setup-* (as their READMEs document them) and the shell-like splitting of docker options/args.</summary>
public sealed class ToolAndOptionParsingTests
{
    [Theory]
    [InlineData("20", "20.20.2", true)]
    [InlineData("20.x", "20.20.2", true)]
    [InlineData("v20", "20.20.2", true)]
    [InlineData("20.1", "20.20.2", false)]
    [InlineData("18", "20.20.2", false)]
    [InlineData("8.0.x", "8.0.404", true)]
    [InlineData("8.0.100", "8.0.404", false)]
    [InlineData("3.11", "3.11.7", true)]
    [InlineData("3.x", "3.11.7", true)]
    [InlineData("lts/*", "20.20.2", true)]
    [InlineData(">=18", "20.20.2", true)]
    [InlineData(">=21", "20.20.2", false)]
    public void SetupVersionSpecs(string spec, string version, bool matches) =>
        Assert.Equal(matches, ToolKind.Matches(spec, Version.Parse(version)));

    [Fact]
    public void OptionsSplitLikeAShell()
    {
        Assert.Equal(["--health-cmd", "pg_isready -U x", "--name=a b", "it's"],
            DockerCommands.SplitOptions("--health-cmd \"pg_isready -U x\"  --name='a b' \"it's\""));
        Assert.Empty(DockerCommands.SplitOptions("   "));
    }

    [Fact]
    public void ContainerNamesAreDockerSafe() =>
        Assert.Equal("slipway___actions_checkout_12", DockerCommands.ContainerName("__actions/checkout", 12));
}
