using Slipway.Cli;
using Slipway.Core.Execution.Processes;

// Before anything touches Console or Process: see ChildProcessStarter (SIGCHLD disposition).
ChildProcessStarter.Initialize();
return await CliApp.RunAsync(args, Console.Out, Console.Error, CancellationToken.None).ConfigureAwait(false);
