using BenchmarkDotNet.Attributes;
using Slipway.Core.Execution.Output;

namespace Slipway.Benchmarks;

/// <summary>Per-line cost of recognising logging/workflow commands in step output.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class OutputCommandBenchmarks
{
    private const string PlainLine = "[123] Compiling src/Module7/File123.cs -> obj/Release/net10.0/Module.dll (42 ms)";
    private const string AzureCommand = "##vso[task.setvariable variable=myOutputVar;isOutput=true;issecret=false]this is the value%3B ok";
    private const string GitHubCommand = "::warning file=app.js,line=10,col=15,endColumn=20,title=Bad%3A thing::Something failed%0Ahere";
    private readonly GitHubCommandProcessor _github = new(new GitHubCommandOptions());

#pragma warning disable CA1822 // BenchmarkDotNet runs instance methods.
    [Benchmark]
    public bool Azure_PlainLine() => AzureCommandInterpreter.ProcessLine(PlainLine) is not null;

    [Benchmark]
    public bool Azure_SetVariable() => AzureCommandInterpreter.ProcessLine(AzureCommand) is not null;
#pragma warning restore CA1822

    [Benchmark]
    public bool GitHub_PlainLine() => _github.ProcessLine(PlainLine) is not null;

    [Benchmark]
    public bool GitHub_Annotation() => _github.ProcessLine(GitHubCommand) is not null;
}
