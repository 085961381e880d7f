using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Slipway.Benchmarks.YamlLoadBenchmarks).Assembly).Run(args);
