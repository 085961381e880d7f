using System.Text;
using BenchmarkDotNet.Attributes;
using Slipway.Core.Yaml;

namespace Slipway.Benchmarks;

[MemoryDiagnoser]
public class YamlLoadBenchmarks
{
    private string _text = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var sb = new StringBuilder("steps:\n");
        for (var i = 0; i < 1000; i++)
        {
            sb.Append("- script: echo step ").Append(i).Append("\n  displayName: Step ").Append(i).Append('\n');
        }

        _text = sb.ToString();
    }

    [Benchmark]
    public YamlLoadResult Load1000Steps() => YamlLoader.Load(_text, "bench.yml", YamlLoadOptions.AzurePipelines);
}
