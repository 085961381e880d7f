using System.CommandLine;
using Slipway.Core.Planning.Rendering;

namespace Slipway.Cli.Commands;

/// <summary><c>slipway graph [FILE]</c>: the stage and job dependency graph as a Mermaid flowchart.</summary>
internal static class GraphCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new PipelineInput();
        var command = new Command("graph", "Print the stage and job dependency graph as a Mermaid flowchart.");
        input.AddTo(command, withValues: true);
        command.SetAction(parse =>
        {
            var compiled = input.Compile(parse, console);
            if (compiled is null || compiled.Failed)
            {
                return ExitCodes.Invalid;
            }

            console.Out.Write(MermaidGraph.Render(compiled.Result.Plan!));
            return ExitCodes.Success;
        });
        return command;
    }
}
