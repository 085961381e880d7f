using System.CommandLine;

namespace Slipway.Cli.Commands;

/// <summary>Every subcommand of the CLI, in the order the help lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliConsole console)
    {
        return
        [
            RunCommand.Create(console),
            ValidateCommand.Create(console),
            ExpandCommand.Create(console),
            GraphCommand.Create(console),
            EvalCommand.Create(console),
            RunsCommand.Create(console),
            LogsCommand.Create(console),
        ];
    }
}
