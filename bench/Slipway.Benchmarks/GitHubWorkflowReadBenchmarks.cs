using System.Text;
using BenchmarkDotNet.Attributes;
using Slipway.Core.Pipelines.GitHub;

namespace Slipway.Benchmarks;

/// <summary>Reading and validating a GitHub Actions workflow: YAML, GitHub's schema, expressions, conversion.</summary>
[MemoryDiagnoser]
public class GitHubWorkflowReadBenchmarks
{
    private string _text = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var sb = new StringBuilder("on:\n  push:\n    branches: [main]\n  pull_request:\n    paths-ignore: ['docs/**']\njobs:\n");
        for (var j = 0; j < 50; j++)
        {
            sb.Append("  job").Append(j).Append(":\n");
            if (j > 0)
            {
                sb.Append("    needs: job").Append(j - 1).Append('\n');
            }

            sb.Append("    if: github.event_name == 'push'\n    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n    steps:\n");
            for (var s = 0; s < 20; s++)
            {
                sb.Append("      - uses: actions/checkout@v4\n      - run: echo ${{ github.sha }} step ").Append(s).Append('\n');
            }
        }

        _text = sb.ToString();
    }

    /// <summary>50 jobs of 40 steps each (about 2,000 steps).</summary>
    [Benchmark]
    public int Read50JobsOf40Steps() => WorkflowReader.ReadText(_text, ".github/workflows/bench.yml").Workflow!.Jobs.Count;
}
