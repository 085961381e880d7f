using System.CommandLine;

namespace Slipway.Cli.Commands.Run;

/// <summary>The options of <c>slipway run</c> besides those <see cref="PipelineInput"/> shares with validate/expand.</summary>
internal sealed class RunCommandOptions
{
    public Option<string[]> Secrets { get; } = new("--secret")
    {
        Description = "A secret variable: name=value (repeatable). Masked as *** everywhere; not in the environment unless mapped with env:.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> SecretsFile { get; } = new("--secrets-file")
    {
        Description = "A file of secret variables: name=value lines (# comments) or a JSON object.",
    };

    public Option<string[]> Stages { get; } = new("--stage")
    {
        Description = "Run only this stage (repeatable); the others are reported as skipped with empty outputs.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Jobs { get; } = new("--job")
    {
        Description = "Run only this job, JOB or STAGE.JOB (repeatable); the others are reported as skipped with empty outputs.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<int?> Parallel { get; } = new("--parallel")
    {
        Description = "How many jobs run at once (default: the number of cores).",
    };

    public Option<bool> Dirty { get; } = new("--dirty")
    {
        Description = "checkout: self includes uncommitted changes.",
    };

    public Option<bool> Debug { get; } = new("--debug")
    {
        Description = "Show ##[debug] lines (as System.Debug=true).",
    };

    public Option<bool> Plain { get; } = new("--plain")
    {
        Description = "Print the prefixed line log instead of the live view, even on a terminal (also when CI=true or output is redirected).",
    };

    public Option<string?> Output { get; } = new("--output")
    {
        Description = "Output format: 'text' (default) or 'json' (a report of the run on standard output).",
    };

    public Option<string?> Report { get; } = new("--report")
    {
        Description = "Also write the JSON report of the run to this file.",
    };

    public Option<string[]> TaskDirectories { get; } = new("--tasks-dir")
    {
        Description = "A folder of task packages (folders with task.json), searched before .slipway/tasks/ (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The options only GitHub workflows use (<c>--event</c>, <c>--input</c>, ...).</summary>
    public GitHubRunOptions GitHub { get; } = new();

    public void AddTo(Command command)
    {
        GitHub.AddTo(command);
        foreach (var option in new Option[] { Secrets, SecretsFile, Stages, Jobs, Parallel, Dirty, Debug, Plain, Output, Report, TaskDirectories })
        {
            command.Options.Add(option);
        }
    }
}
