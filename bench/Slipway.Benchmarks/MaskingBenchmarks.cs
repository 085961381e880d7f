using BenchmarkDotNet.Attributes;
using Slipway.Core.Masking;

namespace Slipway.Benchmarks;

/// <summary>Masking cost per 1,000 typical log lines with 50 registered secrets (GitHub encoders on:
/// 50 values become ~400 search patterns), and the plain pass-through cost with no secrets.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class MaskingBenchmarks
{
    private const int Lines = 1000;
    private readonly string[] _lines = new string[Lines];
    private SecretMasker _fifty = SecretMasker.ForGitHubActions();
    private SecretMasker _none = SecretMasker.ForGitHubActions();

    [GlobalSetup]
    public void Setup()
    {
        _fifty = SecretMasker.ForGitHubActions();
        for (var i = 0; i < 50; i++)
        {
            _fifty.AddValue($"secret-value-{i:D3}-{Guid.NewGuid():N}");
        }

        _none = SecretMasker.ForGitHubActions();
        for (var i = 0; i < Lines; i++)
        {
            _lines[i] = i % 100 == 0
                ? $"[{i}] connecting with token secret-value-007-and more text"
                : $"[{i}] Compiling src/Module{i % 37}/File{i}.cs -> obj/Release/net10.0/Module.dll ({i * 13 % 997} ms)";
        }
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int Mask_50Secrets()
    {
        var total = 0;
        foreach (var line in _lines)
        {
            total += _fifty.Mask(line).Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Lines, Baseline = true)]
    public int Mask_NoSecrets()
    {
        var total = 0;
        foreach (var line in _lines)
        {
            total += _none.Mask(line).Length;
        }

        return total;
    }
}
