using BenchmarkDotNet.Running;

if (args is ["--log-throughput", .. var rest])
{
    return await Slipway.Benchmarks.ProcessLogThroughput.RunAsync(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(Slipway.Benchmarks.YamlLoadBenchmarks).Assembly).Run(args);
return 0;
