using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Slipway.Core.Pipelines.Azure;
using Slipway.Core.Pipelines.Azure.Schema;

namespace Slipway.Benchmarks;

/// <summary>
/// What task validation costs: reading the compact embedded catalog (what validate does, once per
/// process) against parsing the full 1.6 MB service-schema.json (what it avoids), and compiling a small
/// pipeline with tasks once the catalog is loaded. Cold-start jobs include JIT time, like a fresh CLI run.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 3, warmupCount: 0, iterationCount: 1, id: "cold")]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 5, id: "warm")]
public class TaskCatalogBenchmarks
{
    private const string SmallPipeline = """
        trigger: [main]
        pool:
          vmImage: ubuntu-latest
        steps:
        - task: UseDotNet@2
          inputs:
            version: 10.x
        - script: dotnet build
        - task: DotNetCoreCLI@2
          inputs:
            command: test
        - publish: out
          artifact: drop
        """;

    private readonly AzurePipelineCompiler _compiler = AzurePipelineCompiler.CreateDefault();
    private string _catalogText = string.Empty;
    private byte[] _schema = [];

    [GlobalSetup]
    public void Setup()
    {
        using var stream = typeof(TaskCatalog).Assembly.GetManifestResourceStream(TaskCatalog.ResourceName)!;
        using var reader = new StreamReader(stream);
        _catalogText = reader.ReadToEnd();
        _schema = File.ReadAllBytes(FindSchema());
    }

    [Benchmark(Baseline = true)]
    public int ParseEmbeddedCatalog() => TaskCatalog.Parse(_catalogText).Count;

    [Benchmark]
    public int ParseFullServiceSchema()
    {
        using var stream = new MemoryStream(_schema);
        return TaskCatalogBuilder.FromServiceSchema(stream).Length;
    }

    [Benchmark]
    public bool CompileSmallPipelineWithTasks() =>
        _compiler.CompileText(SmallPipeline, new CompileRequest { FilePath = "/tmp/azure-pipelines.yml", RepositoryRoot = "/tmp" }).HasErrors;

    private static string FindSchema()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "src", "Slipway.Core", "Pipelines", "Azure", "Schema", "service-schema.json");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("service-schema.json");
    }
}
