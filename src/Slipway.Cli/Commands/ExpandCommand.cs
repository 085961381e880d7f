using System.CommandLine;
using Slipway.Core.Pipelines.Azure;
using Slipway.Core.Planning.Rendering;

namespace Slipway.Cli.Commands;

/// <summary><c>slipway expand [FILE]</c>: prints the plan as Azure DevOps "full YAML" (or JSON), defaults written out.</summary>
internal static class ExpandCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new PipelineInput();
        var format = new Option<string>("--format")
        {
            Description = "Output format: yaml or json.",
            DefaultValueFactory = _ => "yaml",
        };
        format.AcceptOnlyFromAmong("yaml", "json");
        var command = new Command("expand", "Print the fully expanded pipeline with every default made explicit.");
        input.AddTo(command, withValues: true);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            var compiled = input.Compile(parse, console);
            if (compiled is null || compiled.Failed)
            {
                return ExitCodes.Invalid;
            }

            var plan = compiled.Result.Plan!;
            var node = AzurePlanPrinter.ToNode(plan);
            if (parse.GetValue(format) == "json")
            {
                console.Out.Write(NodeTextWriter.ToJson(node));
                return ExitCodes.Success;
            }

            foreach (var v in plan.QueueTimeVariables)
            {
                console.Out.WriteLine($"# queue-time variable: {v.Name}={v.Value}");
            }

            console.Out.Write(NodeTextWriter.ToYaml(node));
            return ExitCodes.Success;
        });
        return command;
    }
}
