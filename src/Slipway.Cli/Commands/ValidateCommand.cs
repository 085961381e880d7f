using System.CommandLine;

namespace Slipway.Cli.Commands;

/// <summary><c>slipway validate [FILE]</c>: exit 0 when valid (warnings allowed), 2 when not.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new PipelineInput();
        var command = new Command("validate", "Check a pipeline (Azure Pipelines) or workflows (GitHub Actions): structure, names, dependencies, tasks and their inputs.");
        input.AddTo(command, withValues: true);
        command.SetAction(parse =>
        {
            if (WorkflowValidation.TryValidate(input, parse, console) is { } workflowExit)
            {
                return workflowExit;
            }

            var compiled = input.Compile(parse, console);
            if (compiled is null || compiled.Failed)
            {
                return ExitCodes.Invalid;
            }

            var plan = compiled.Result.Plan!;
            var jobs = plan.AllJobs.ToList();
            var steps = jobs.Sum(j => j.AllSteps.Count());
            console.Out.WriteLine($"{compiled.Pipeline.DisplayPath}: valid ({Count(plan.Stages.Count, "stage")}, {Count(jobs.Count, "job")}, {Count(steps, "step")}).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";
}
