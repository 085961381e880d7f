namespace Slipway.Core.Runtime.Steps.Scripts;

/// <summary>
/// <c>pwsh</c>/<c>powershell</c> steps and PowerShell@2 on Linux and macOS, as the task's Node handler runs them
/// (azure-pipelines-tasks <c>Tasks/PowerShellV2/powershell.ts</c>, AZP-STEP-9): <see cref="PowerShellScript"/> goes to
/// <c>Agent.TempDirectory/&lt;guid&gt;.ps1</c>, which <c>pwsh</c> (else <c>powershell</c>) from PATH runs with
/// <c>-NoLogo -NoProfile -NonInteractive -Command ". 'FILE'"</c> (<c>&amp;</c> instead of <c>.</c> with
/// <c>runScriptInSeparateScope</c>) in <c>workingDirectory</c>. The <c>pwsh</c> input only matters on Windows.
/// A non-zero exit code fails the step; with <c>failOnStderr</c> so does anything written to stderr.
/// </summary>
internal sealed class PowerShellHandler : IStepHandler
{
    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (workingDirectory, error) = ScriptFile.WorkingDirectory(context);
        if (error is not null)
        {
            return StepOutcome.Failed(error);
        }

        context.Log.Output("Generating script.");
        var (contents, command, scriptError) = PowerShellScript.Generate(context);
        if (scriptError is not null)
        {
            return StepOutcome.Failed(scriptError);
        }

        if (command is not null)
        {
            context.Log.Output($"Formatted command: {command}");
        }
        if ((ScriptFile.Which(context, "pwsh") ?? ScriptFile.Which(context, "powershell")) is not { } pwsh)
        {
            return StepOutcome.Failed(
                "This step needs PowerShell 7 ('pwsh'), which was not found on PATH. Install it (https://aka.ms/install-powershell) " +
                "or use a 'bash' step; Windows PowerShell is not available on this OS.");
        }

        var file = ScriptFile.Write(context, contents!, ".ps1");
        var executionOperator = context.Inputs.GetBool("runScriptInSeparateScope", false) ? "&" : ".";
        context.Log.Output("========================== Starting Command Output ===========================");
        string[] arguments = ["-NoLogo", "-NoProfile", "-NonInteractive", "-Command", $"{executionOperator} '{file.Replace("'", "''", StringComparison.Ordinal)}'"];
        context.Log.Command($"{pwsh} {string.Join(' ', arguments)}");
        var failOnStderr = context.Inputs.GetBool("failOnStderr", false);
        var result = await context.Processes.RunAsync(new StepProcessRequest
        {
            FileName = pwsh,
            Arguments = arguments,
            WorkingDirectory = workingDirectory,
            StandardErrorAsError = failOnStderr,
        }, cancellationToken).ConfigureAwait(false);
        if (result.Process.StartError is { } startError)
        {
            return StepOutcome.Failed(startError);
        }

        if (result.Process.Canceled || result.Process.TimedOut)
        {
            return StepOutcome.Canceled;
        }

        if (result.ExitCode != 0)
        {
            return StepOutcome.FromExitCode(result.ExitCode, "PowerShell");
        }

        return failOnStderr && result.WroteToStandardError
            ? StepOutcome.Failed("PowerShell wrote one or more lines to the standard error stream.", 0)
            : StepOutcome.Succeeded;
    }
}
