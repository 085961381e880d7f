using BenchmarkDotNet.Running;

if (args is ["--log-throughput", .. var rest])
{
    return await Slipway.Benchmarks.ProcessLogThroughput.RunAsync(rest);
}

if (args is ["--checkout", .. var checkoutArgs])
{
    return await Slipway.Benchmarks.CheckoutTiming.RunAsync(checkoutArgs);
}

BenchmarkSwitcher.FromAssembly(typeof(Slipway.Benchmarks.YamlLoadBenchmarks).Assembly).Run(args);
return 0;
