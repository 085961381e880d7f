using System.CommandLine;
using Slipway.Core.Pipelines.GitHub;

namespace Slipway.Cli.Commands;

/// <summary>How <c>slipway validate</c> checks GitHub Actions workflows, with GitHub's own rules and messages.</summary>
internal static class WorkflowValidation
{
    /// <summary>
    /// Validates the workflow(s) the command names: a given workflow file, or, with no FILE and no
    /// Azure pipeline in the directory, every file in <c>.github/workflows/</c>. Null when the
    /// command is not about workflows.
    /// </summary>
    public static int? TryValidate(PipelineInput input, ParseResult parse, CliConsole console)
    {
        var cwd = input.WorkingDirectory(parse);
        var file = parse.GetValue(input.File);
        var located = PipelineLocator.Locate(file, cwd);
        IReadOnlyList<(string Path, string Display)> files = located.Pipeline is { Syntax: PipelineFileSyntax.GitHubActions } one ? [(one.FullPath, one.DisplayPath)]
            : file is null && located.Error is not null ? [.. PipelineLocator.Workflows(cwd).Select(p => (p, Path.GetRelativePath(cwd, p)))]
            : [];
        if (files.Count == 0)
        {
            return null;
        }

        var valid = true;
        foreach (var (path, display) in files)
        {
            var result = WorkflowReader.Read(path, display, new WorkflowReaderOptions { StrictEvents = true });
            if (console.Report(result.Diagnostics) || result.Workflow is null)
            {
                valid = false;
                continue;
            }

            var jobs = result.Workflow.Jobs.Count;
            var steps = result.Workflow.Jobs.OfType<Core.Pipelines.GitHub.Model.Job>().Sum(j => j.Steps.Count);
            console.Out.WriteLine($"{display}: valid ({Count(jobs, "job")}, {Count(steps, "step")}).");
        }

        return valid ? ExitCodes.Success : ExitCodes.Invalid;
    }

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";
}
