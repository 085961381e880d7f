using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Runtime.GitHub.Jobs;
using Slipway.Core.Runtime.GitHub.Triggers;
using Slipway.Core.Runtime.Workspace;

namespace Slipway.Core.Runtime.GitHub.Workflows;

/// <summary>What <c>slipway run</c> asks for a GitHub workflow: the read workflow, its event and the options.</summary>
internal sealed record GitHubRunRequest
{
    public required Workflow Workflow { get; init; }

    /// <summary>The workflow file as shown (relative to the working directory).</summary>
    public required string WorkflowPath { get; init; }

    public required TriggeringEvent Event { get; init; }

    /// <summary>Repository root, <c>--parallel</c>, <c>--job</c>, <c>--secret</c>, <c>--debug</c>, the base environment.</summary>
    public required RunOptions Options { get; init; }

    /// <summary><c>--var name=value</c>: the <c>vars</c> context.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Vars { get; init; } = [];

    /// <summary>Reads the workflows that jobs call (<c>uses:</c>).</summary>
    public required WorkflowLoader Loader { get; init; }

    /// <summary>The <c>.slipway/</c> folder; by default the one at the repository root.</summary>
    public string? StoreDirectory { get; init; }

    /// <summary>The repository facts when the caller read them already (for the event); else the run reads them.</summary>
    public RepositoryInfo? Repository { get; init; }

    /// <summary>The run's masker when the caller needs it too (the report's last masking pass); else a new one.</summary>
    public Masking.SecretMasker? Masker { get; init; }
}

/// <summary>What the run needs to build the job runner once the run context exists (the CLI passes the real one, tests a fake).</summary>
internal delegate IWorkflowJobRunner WorkflowJobRunnerFactory(RunContext run, Events.RunRecorder recorder);
