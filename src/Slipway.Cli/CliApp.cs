using System.CommandLine;
using Slipway.Cli.Commands;

namespace Slipway.Cli;

/// <summary>The process boundary: parses the command line, runs a command, maps the outcome to an exit code.</summary>
internal static class CliApp
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        RunAsync(args, stdout, stderr, Environment.CurrentDirectory, cancellationToken);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, string workingDirectory, CancellationToken cancellationToken)
    {
        var console = new CliConsole(stdout, stderr, workingDirectory);
        var root = new RootCommand("Slipway: run Azure Pipelines and GitHub Actions pipelines on your machine or your own server.");
        foreach (var command in CommandCatalog.Create(console))
        {
            root.Subcommands.Add(command);
        }

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await stderr.WriteLineAsync($"slipway: {error.Message}").ConfigureAwait(false);
            }

            await stderr.WriteLineAsync("Run 'slipway --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Invalid;
        }

        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        try
        {
            return await parseResult.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("slipway: canceled.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
#pragma warning disable CA1031 // The process boundary: an unexpected failure is reported once, with its cause.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await stderr.WriteLineAsync($"slipway: internal error: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            await stderr.WriteLineAsync("This is a bug in Slipway; please report it with the command that caused it.").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }
}
