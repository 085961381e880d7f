using Slipway.Core.Execution.Processes;

namespace Slipway.Core.Runtime.Steps;

/// <summary>A child process a handler wants to run.</summary>
internal sealed record StepProcessRequest
{
    /// <summary>Program name (looked up on the step's PATH) or full path.</summary>
    public required string FileName { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Null means the sources directory (<c>$(Build.SourcesDirectory)</c>), as the agent does.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Null means <see cref="StepContext.Environment"/>; otherwise the complete environment to use.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Process <c>##vso[...]</c> logging commands in the output (true for scripts and tasks).</summary>
    public bool ProcessCommands { get; init; } = true;

    /// <summary>Lines written to stderr are logged as errors (<c>failOnStderr</c>); the result says whether any came.</summary>
    public bool StandardErrorAsError { get; init; }
}

/// <summary>How the process ended, plus what its output did.</summary>
internal sealed record StepProcessResult(ProcessResult Process, bool WroteToStandardError)
{
    public int ExitCode => Process.ExitCode;
}

/// <summary>
/// Runs child processes for a step: the process group is killed on cancel/timeout (after the job's
/// cancel grace period), each output line is checked for logging commands, masked, and written to
/// the step log and the events. Commands are applied to the job (variables, issues, task.complete...).
/// </summary>
internal interface IStepProcessRunner
{
    Task<StepProcessResult> RunAsync(StepProcessRequest request, CancellationToken cancellationToken);
}
