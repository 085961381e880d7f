using Slipway.Cli;
using Slipway.Core.Execution.Processes;
using Slipway.Core.Runtime;

// Before anything touches Console or Process: see ChildProcessStarter (SIGCHLD disposition).
ChildProcessStarter.Initialize();
if (args is ["run", ..] or ["validate", ..])
{
    // While the command line is parsed (the other core is idle then): see RunWarmup.
    RunWarmup.Start(store: args[0] == "run");
}

var exitCode = await CliApp.RunAsync(args, Console.Out, Console.Error, CancellationToken.None).ConfigureAwait(false);
if (Environment.GetEnvironmentVariable("SLIPWAY_DIAG_GC") == "1")
{
    // For performance work: how much the command allocated and how often the GC ran.
    await Console.Error.WriteLineAsync(FormattableString.Invariant(
        $"slipway: {GC.GetTotalAllocatedBytes() / 1048576.0:F1} MB allocated, gen0/1/2 collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, own CPU {System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:F0} ms")).ConfigureAwait(false);
}

return exitCode;
