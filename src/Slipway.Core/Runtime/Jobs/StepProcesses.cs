using Slipway.Core.Execution.Output;
using Slipway.Core.Execution.Processes;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.Jobs;

/// <summary>
/// Runs a handler's child processes: output lines go through the logging-command interpreter (which
/// registers secrets before the line is masked), <c>##[debug]</c> lines are dropped unless debugging
/// is on, and stderr lines become errors when the handler asks (failOnStderr).
/// </summary>
internal sealed class StepProcesses(
    JobExecution job, StepLogger log, CommandApplier applier, IReadOnlyDictionary<string, string> environment, TimeSpan gracePeriod) : IStepProcessRunner
{
    private readonly ProcessRunner _runner = new(job.Run.Time);

    public async Task<StepProcessResult> RunAsync(StepProcessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var output = new AzureStepOutput(log.Log, job.Masker, applier.Apply, log.IsDebugEnabled);
        var wroteToStderr = false;
        var spec = new ProcessSpec
        {
            FileName = request.FileName,
            Arguments = request.Arguments,
            WorkingDirectory = request.WorkingDirectory ?? (job.Variables.Get("System.DefaultWorkingDirectory") is { Length: > 0 } d ? d : job.Workspace.SourcesDirectory),
            Environment = request.Environment ?? environment,
            CancelGracePeriod = gracePeriod,
            TrackingId = job.Processes.TrackingId,

            // As on the agent, what a step leaves running in the background lives until the job
            // ends (JobRunner kills the groups and the tracked processes then); cancel and timeout
            // still kill at once.
            KeepBackgroundProcesses = true,
        };

        ValueTask OnLine(OutputLine line)
        {
            var text = line.Text;
            if (line.Stream == OutputStream.StandardError)
            {
                wroteToStderr = true;
                if (request.StandardErrorAsError && !text.Contains("##vso[", StringComparison.Ordinal))
                {
                    log.Error(text);
                    return ValueTask.CompletedTask;
                }
            }

            if (!log.IsDebugEnabled && text.StartsWith("##[debug]", StringComparison.OrdinalIgnoreCase))
            {
                return ValueTask.CompletedTask;
            }

            if (request.ProcessCommands)
            {
                output.OnLine(text);
            }
            else
            {
                log.Output(text);
            }

            return ValueTask.CompletedTask;
        }

        var result = await _runner.RunAsync(spec, OnLine, cancellationToken).ConfigureAwait(false);
        if (result.ProcessGroupId is { } group)
        {
            job.Processes.AddGroup(group);
        }

        foreach (var issue in output.Issues)
        {
            log.Record(issue.Severity == CommandIssueSeverity.Error ? Runs.IssueType.Error : Runs.IssueType.Warning, issue.Message, code: issue.Code);
        }

        if (output.FailsStep)
        {
            applier.MarkFailed();
        }

        if (result.StartError is { } error)
        {
            log.Error(error, code: ExecutionDiagnosticCodes.ProcessNotStarted);
        }

        return new StepProcessResult(result, wroteToStderr);
    }
}
