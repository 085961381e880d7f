using Slipway.Core.Runs;

namespace Slipway.Core.Runtime.Steps;

/// <summary>
/// Runs one kind of step (a task at one major version, or a step keyword such as <c>checkout</c>).
/// Handlers are stateless and shared by every job of a run (register one instance); everything
/// about the step comes in the <see cref="StepContext"/>.
/// <para>
/// The runtime, not the handler, owns: the step condition, <c>enabled</c>, <c>continueOnError</c>,
/// <c>retryCountOnTaskFailure</c>, <c>timeoutInMinutes</c> (the token is canceled when it passes),
/// the "Starting:/Finishing:" lines, the step's timeline record and log file, and merging results that
/// logging commands set (<c>task.complete</c>, a command that failed) into the handler's outcome.
/// </para>
/// Expected failures are outcomes (<see cref="StepOutcome.Failed"/> with a message), not exceptions.
/// When <paramref name="cancellationToken"/> fires, stop and return <see cref="StepOutcome.Canceled"/>.
/// </summary>
internal interface IStepHandler
{
    Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken);
}

/// <summary>
/// How a step ended. <see cref="Message"/> is written to the step log as an error (Failed) or warning
/// (SucceededWithIssues) issue by the runtime, so the handler need not log it again.
/// </summary>
internal sealed record StepOutcome(RunResult Result, int? ExitCode = null, string? Message = null)
{
    public static StepOutcome Succeeded { get; } = new(RunResult.Succeeded, 0);

    public static StepOutcome Canceled { get; } = new(RunResult.Canceled);

    public static StepOutcome Failed(string message, int? exitCode = null) => new(RunResult.Failed, exitCode, message);

    public static StepOutcome WithIssues(string message) => new(RunResult.SucceededWithIssues, 0, message);

    public static StepOutcome Skipped(string message) => new(RunResult.Skipped, null, message);

    /// <summary>The usual mapping of a process exit code: 0 succeeded, anything else failed ("Bash exited with code 'N'.").</summary>
    public static StepOutcome FromExitCode(int exitCode, string tool) =>
        exitCode == 0 ? Succeeded : Failed($"{tool} exited with code '{exitCode}'.", exitCode);
}
