using Slipway.Core.Pipelines.Azure.Schema;

namespace Slipway.Core.Tests.Pipelines;

public sealed class TaskCatalogTests
{
    [Fact]
    public void CheckedInCatalog_MatchesServiceSchema()
    {
        using var schema = File.OpenRead(Path.Combine(RepoPaths.SchemaFolder, "service-schema.json"));
        var generated = TaskCatalogBuilder.FromServiceSchema(schema);
        var path = Path.Combine(RepoPaths.SchemaFolder, "tasks.catalog");
        if (Environment.GetEnvironmentVariable("SLIPWAY_REGENERATE") == "1")
        {
            File.WriteAllText(path, generated);
        }

        Assert.Equal(generated, File.ReadAllText(path));
    }

    [Fact]
    public void Catalog_HasTheTasksOfSpecSection92_WithTheirAliasesAndRequiredInputs()
    {
        var catalog = TaskCatalog.BuiltIn;
        Assert.NotNull(catalog.Find("CmdLine", 2, out _));
        Assert.NotNull(catalog.Find("bash", 3, out _)); // names are case-insensitive
        var download = catalog.Find("DownloadPipelineArtifact", 2, out _)!;
        Assert.Equal("targetPath", download.FindInput("downloadPath")!.Name);
        Assert.Equal("artifactName", download.FindInput("artifact")!.Name);
        var cache = catalog.Find("Cache", 2, out _)!;
        Assert.True(cache.FindInput("key")!.Required);
        Assert.True(cache.FindInput("path")!.Required);
        Assert.Null(catalog.Find("CmdLine", 99, out var majors));
        Assert.Contains(2, majors);
    }

    [Fact]
    public void Catalog_DescribesMoreThanTwoHundredTaskVersions()
    {
        Assert.True(TaskCatalog.BuiltIn.Count > 200, $"only {TaskCatalog.BuiltIn.Count} tasks");
    }
}
