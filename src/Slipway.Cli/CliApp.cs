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
            foreach (var line in DescribeFailure(e))
            {
                await stderr.WriteLineAsync(line).ConfigureAwait(false);
            }

            return ExitCodes.InternalError;
        }
    }

    /// <summary>What the user is told of an unexpected failure: a native library that could not be loaded is an
    /// installation problem (the executable copied without the files beside it), anything else a bug.</summary>
    internal static IReadOnlyList<string> DescribeFailure(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var cause = e;
        while (cause is TypeInitializationException or System.Reflection.TargetInvocationException && cause.InnerException is { } inner)
        {
            cause = inner;
        }

        if (cause is DllNotFoundException missing)
        {
            var folder = Path.GetDirectoryName(Environment.ProcessPath) ?? AppContext.BaseDirectory;
            // The runtime's message goes on with loader hints and every path it tried: its first sentence says it.
            var message = missing.Message.Split('\n')[0];
            var end = message.IndexOf(". ", StringComparison.Ordinal);
            return
            [
                $"slipway: a native library could not be loaded: {(end > 0 ? message[..(end + 1)] : message)}",
                $"Slipway's libraries (libe_sqlite3.so for the run store) belong in the folder of the slipway executable ({folder}); install or copy the whole folder.",
            ];
        }

        return
        [
            $"slipway: internal error: {e.GetType().Name}: {e.Message}",
            "This is a bug in Slipway; please report it with the command that caused it.",
        ];
    }
}
