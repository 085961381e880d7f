using Slipway.Core.Expressions.Values;
using Slipway.Core.Runtime.GitHub.Containers;

namespace Slipway.Core.Tests.Runtime.GitHub.Containers;

/// <summary>GHA-JOB-10/11: container definitions, registries, <c>docker port</c> output and path translation, as RUN's <c>DockerUtil</c>/<c>ContainerInfo</c>.</summary>
public sealed class ContainerCommandsTests
{
    [Theory]
    [InlineData("postgres:16", "")]
    [InlineData("acme/builder:2", "")]
    [InlineData("ghcr.io/acme/builder:2", "ghcr.io")]
    [InlineData("localhost:5000/builder", "localhost:5000")]
    [InlineData("registry.example.com/builder", "registry.example.com")]
    [InlineData("a/b/c", "a")]
    public void GHA_JOB_10_RegistryOfAnImage(string image, string registry) => Assert.Equal(registry, ContainerCommands.Registry(image));

    [Fact]
    public void GHA_JOB_11_DockerPortLines_GiveContainerPortToHostPort()
    {
        var ports = ContainerCommands.ParsePorts(["5432/tcp -> 0.0.0.0:49153", "5432/tcp -> [::]:49153", "6379/tcp -> 0.0.0.0:32768", "garbage"]).ToList();
        Assert.Equal([KeyValuePair.Create("5432", "49153"), KeyValuePair.Create("5432", "49153"), KeyValuePair.Create("6379", "32768")], ports);
    }

    [Fact]
    public void GHA_JOB_10_StringOrMapping_EmptyImageMeansNoContainer()
    {
        Assert.Null(ContainerDefinition.JobContainer(ExpressionValue.From(string.Empty)));
        Assert.Equal("node:20", ContainerDefinition.JobContainer(ExpressionValue.From("node:20"))!.Image);
        var mapping = new ObjectValue(
        [
            KeyValuePair.Create("image", ExpressionValue.From("redis:7")),
            KeyValuePair.Create("ports", (ExpressionValue)new ArrayValue([ExpressionValue.From("6379:6379")])),
            KeyValuePair.Create("credentials", (ExpressionValue)new ObjectValue([KeyValuePair.Create("username", ExpressionValue.From("u")), KeyValuePair.Create("password", ExpressionValue.From("p"))])),
        ]);
        var services = ContainerDefinition.Services(new ObjectValue([KeyValuePair.Create("cache", (ExpressionValue)mapping), KeyValuePair.Create("none", ExpressionValue.From(string.Empty))]));
        var cache = Assert.Single(services);
        Assert.Equal(("cache", "redis:7", "u", "p"), (cache.Alias, cache.Image, cache.Username, cache.Password));
        Assert.Equal(["6379:6379"], cache.Ports);
        Assert.False(cache.IsJobContainer);
    }

    [Fact]
    public void GHA_JOB_10_HostPathsTranslated_FirstMappingWins_OtherTextUnchanged()
    {
        var map = new ContainerPathMap([("/w/gh1/_temp/_github_home", "/github/home"), ("/w/gh1", "/__w"), ("/cache/tools", "/__t")]);
        Assert.Equal("/github/home/.npmrc", map.ToContainer("/w/gh1/_temp/_github_home/.npmrc"));
        Assert.Equal("/__w/_temp/_runner_file_commands/set_output_1", map.ToContainer("/w/gh1/_temp/_runner_file_commands/set_output_1"));
        Assert.Equal("/__w", map.ToContainer("/w/gh1"));
        Assert.Equal("/__t/node/20/bin", map.ToContainer("/cache/tools/node/20/bin"));
        Assert.Equal("/w/gh10", map.ToContainer("/w/gh10"));
        Assert.Equal("https://github.com", map.ToContainer("https://github.com"));
    }
}
