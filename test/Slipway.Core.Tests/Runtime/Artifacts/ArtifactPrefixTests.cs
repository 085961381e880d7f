using Slipway.Core.Runtime.Artifacts;
using Slipway.Core.Runtime.Services;
using Slipway.Core.Tests.Runtime.Tasks;

namespace Slipway.Core.Tests.Runtime.Artifacts;

/// <summary><see cref="IArtifactStore"/>'s prefix lookup (newest first) and delete (upload-artifact <c>overwrite: true</c>).</summary>
public sealed class ArtifactPrefixTests
{
    [Fact]
    public async Task FindByPrefix_IsOrdinal_NewestFirst()
    {
        using var root = new TempFolder();
        var store = new RunArtifactStore(new ArtifactStore(root["artifacts"]));
        var source = root.Write("src/a.txt", "a");
        foreach (var name in new[] { "logs-linux", "logs-windows", "coverage", "logs-mac" })
        {
            Assert.True((await store.PublishAsync(new ArtifactPublishRequest(name, source, ArtifactKind.Pipeline, "step"), CancellationToken.None)).Succeeded);
        }

        Assert.Equal(["logs-mac", "logs-windows", "logs-linux"], store.FindByPrefix("logs-").Select(a => a.Name));
        Assert.Empty(store.FindByPrefix("Logs-"));
        Assert.Equal(4, store.FindByPrefix(string.Empty).Count);
    }

    [Fact]
    public async Task Delete_RemovesTheArtifactAndItsFiles_SoTheNameCanBeUploadedAgain()
    {
        using var root = new TempFolder();
        var artifacts = new ArtifactStore(root["artifacts"]);
        var store = new RunArtifactStore(artifacts);
        var request = new ArtifactPublishRequest("dist", root.Write("src/a.txt", "a"), ArtifactKind.Pipeline, "step");
        await store.PublishAsync(request, CancellationToken.None);
        Assert.False((await store.PublishAsync(request, CancellationToken.None)).Succeeded);

        Assert.True(store.Delete("dist").Succeeded);

        Assert.False(artifacts.Exists("dist"));
        Assert.Empty(store.List());
        Assert.False(store.Delete("dist").Succeeded);
        Assert.True((await store.PublishAsync(request, CancellationToken.None)).Succeeded);
    }
}
