using Slipway.Core.Execution.Processes;
using Slipway.Core.Masking;

namespace Slipway.Core.Execution.Output;

/// <summary>
/// The glue a runner plugs into <see cref="ProcessRunner"/> for one step: each line is checked for
/// the dialect's commands, secrets those commands register are added to the masker before the next
/// line is logged, issues are written as <c>##[warning]</c>/<c>##[error]</c>/<c>##[debug]</c> lines,
/// and every other line goes (masked) to the step log. Commands reach <c>apply</c> in output order.
/// </summary>
internal abstract class StepOutput
{
    private readonly List<CommandIssue> _issues = [];

    protected StepOutput(StepLog log, SecretMasker masker, bool writeDebug)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(masker);
        Log = log;
        Masker = masker;
        WriteDebug = writeDebug;
    }

    /// <summary>Errors and warnings reported by commands, in order (for the step/run summary).</summary>
    public IReadOnlyList<CommandIssue> Issues => _issues;

    /// <summary>A command failed the way the runners fail a step (<c>CommandResult = Failed</c>).</summary>
    public bool FailsStep { get; protected set; }

    protected StepLog Log { get; }

    protected SecretMasker Masker { get; }

    protected bool WriteDebug { get; }

    /// <summary>The callback for <see cref="ProcessRunner.RunAsync(ProcessSpec, Func{OutputLine, ValueTask}, CancellationToken)"/>.</summary>
    public ValueTask OnLineAsync(OutputLine line)
    {
        OnLine(line.Text);
        return ValueTask.CompletedTask;
    }

    public abstract void OnLine(string line);

    protected void Report(IEnumerable<CommandIssue> issues)
    {
        foreach (var issue in issues)
        {
            switch (issue.Severity)
            {
                case CommandIssueSeverity.Debug when WriteDebug:
                    Log.WriteLine("##[debug]" + issue.Message);
                    break;
                case CommandIssueSeverity.Warning:
                    Log.WriteLine("##[warning]" + issue.Message);
                    _issues.Add(issue);
                    break;
                case CommandIssueSeverity.Error:
                    Log.WriteLine("##[error]" + issue.Message);
                    _issues.Add(issue);
                    break;
            }
        }
    }
}

/// <summary>Azure Pipelines: <c>##vso[...]</c> lines are processed and not printed (AZP-LOG-1..3).</summary>
internal sealed class AzureStepOutput(StepLog log, SecretMasker masker, Action<AzureCommand> apply, bool writeDebug = false, bool decodePercents = true)
    : StepOutput(log, masker, writeDebug)
{
    public override void OnLine(string line)
    {
        if (AzureCommandInterpreter.ProcessLine(line, decodePercents) is not { } outcome)
        {
            Log.WriteLine(line);
            return;
        }

        if (outcome.Command is { } command)
        {
            RegisterSecrets(command);
            WriteDecoration(command);
            apply(command);
        }

        FailsStep |= outcome.FailsStep;
        Report(outcome.Issues);
    }

    private void WriteDecoration(AzureCommand command)
    {
        switch (command)
        {
            case AzureLogIssue issue:
                Log.WriteLine((issue.Type == AzureIssueType.Error ? "##[error]" : "##[warning]") + issue.Message);
                break;
            case AzureDebug debug when WriteDebug:
                Log.WriteLine("##[debug]" + debug.Message);
                break;
        }
    }

    private void RegisterSecrets(AzureCommand command)
    {
        switch (command)
        {
            case AzureSetSecret secret:
                Masker.AddValue(secret.Value);
                break;
            case AzureSetVariable { IsSecret: true } variable:
                Masker.AddValue(variable.Value);
                break;
            case AzureSetTaskVariable { IsSecret: true } variable:
                Masker.AddValue(variable.Value);
                break;
            case AzureSetEndpoint { Field: AzureEndpointField.AuthParameter } endpoint:
                Masker.AddValue(endpoint.Value);
                break;
        }
    }
}
