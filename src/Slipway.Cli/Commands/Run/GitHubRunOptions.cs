using System.CommandLine;

namespace Slipway.Cli.Commands.Run;

/// <summary>The options of <c>slipway run</c> that only GitHub workflows use.</summary>
internal sealed class GitHubRunOptions
{
    public Option<string?> Event { get; } = new("--event")
    {
        Description = "GitHub workflows: the event to run for (push, pull_request, workflow_dispatch, ...). Default: a named workflow's first event, else push.",
    };

    public Option<string?> Payload { get; } = new("--payload")
    {
        Description = "GitHub workflows: a JSON file with the event's webhook payload (github.event).",
    };

    public Option<string?> Base { get; } = new("--base")
    {
        Description = "GitHub workflows: the base ref of a pull_request event (what changed files are compared with).",
    };

    public Option<string[]> Inputs { get; } = new("--input")
    {
        Description = "GitHub workflows: a workflow_dispatch input, name=value (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> ActionsDirectory { get; } = new("--actions-dir")
    {
        Description = "GitHub workflows: where remote actions and reusable workflows are found (owner/repo/ref/...). Default: ~/.cache/slipway/actions.",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Event, Payload, Base, Inputs, ActionsDirectory })
        {
            command.Options.Add(option);
        }
    }
}
