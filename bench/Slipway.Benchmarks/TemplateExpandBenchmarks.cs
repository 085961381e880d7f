using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Slipway.Core.Templates;
using Slipway.Core.Yaml;

namespace Slipway.Benchmarks;

/// <summary>
/// Expands generated pipelines of N stages x 10 jobs x 10 steps, all produced through templates and
/// each loops. N = 1, 10, 100 shows that the cost grows linearly; N = 100 is the 10,000-step target.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class TemplateExpandBenchmarks
{
    private string _folder = string.Empty;
    private string _root = string.Empty;

    [Params(1, 10, 100)]
    public int Stages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "slipway-bench-templates-" + Guid.NewGuid().ToString("N"));
        _root = TemplatePipelineGenerator.Write(_folder, Stages);
        var check = TemplateExpander.Expand(_root, new TemplateOptions { RepositoryRoot = _folder });
        if (check.HasErrors)
        {
            throw new InvalidOperationException("The generated pipeline does not expand: " + string.Join('\n', check.Diagnostics));
        }

        var steps = ((YamlSequence)((YamlMapping)check.Root!)["stages"]!).Items
            .SelectMany(stage => ((YamlSequence)((YamlMapping)stage)["jobs"]!).Items)
            .Sum(job => ((YamlSequence)((YamlMapping)job)["steps"]!).Items.Count);
        if (steps != Stages * 10 * 11)
        {
            throw new InvalidOperationException($"Expected {Stages * 10 * 11} steps (10 jobs x 10 steps + checkout per stage), got {steps}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public TemplateResult Expand() => TemplateExpander.Expand(_root, new TemplateOptions { RepositoryRoot = _folder });
}
