using System.Text;

namespace Slipway.Core.Runtime.Steps.Scripts;

/// <summary>
/// <c>pwsh</c>/<c>powershell</c> (PowerShell@2) on Linux and macOS: PowerShell 7 (<c>pwsh</c>) runs a
/// temp <c>.ps1</c> that starts with <c>$ErrorActionPreference = 'stop'</c> (unless given) and ends by
/// exiting with <c>$LASTEXITCODE</c> (unless <c>ignoreLASTEXITCODE</c>), as AZP-STEP-9 describes.
/// </summary>
internal sealed class PowerShellHandler : IStepHandler
{
    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ScriptFile.Which(context, "pwsh") is not { } pwsh)
        {
            return StepOutcome.Failed(
                "This step needs PowerShell 7 ('pwsh'), which was not found on PATH. Install it (https://aka.ms/install-powershell) " +
                "or use a 'bash' step; Windows PowerShell is not available on this OS.");
        }

        var (workingDirectory, error) = ScriptFile.WorkingDirectory(context);
        if (error is not null)
        {
            return StepOutcome.Failed(error);
        }

        var body = Body(context);
        if (body is null)
        {
            return StepOutcome.Failed("Input required: filePath");
        }

        var file = ScriptFile.Write(context, body, ".ps1");
        context.Log.Output("========================== Starting Command Output ===========================");
        string[] arguments = ["-NoLogo", "-NoProfile", "-NonInteractive", "-Command", $". '{file.Replace("'", "''", StringComparison.Ordinal)}'"];
        context.Log.Command($"{pwsh} {string.Join(' ', arguments)}");
        var failOnStderr = context.Inputs.GetBool("failOnStderr", false);
        var result = await context.Processes.RunAsync(new StepProcessRequest
        {
            FileName = pwsh,
            Arguments = arguments,
            WorkingDirectory = workingDirectory,
            StandardErrorAsError = failOnStderr,
        }, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The generated script: preferences, the inline script (or a dot-sourced file), the LASTEXITCODE suffix.</summary>
    internal static string? Body(StepContext context)
    {
        var builder = new StringBuilder();
        var preference = context.Inputs.Get("errorActionPreference", "stop");
        if (!string.Equals(preference, "default", StringComparison.OrdinalIgnoreCase))
        {
            builder.Append("$ErrorActionPreference = '").Append(preference).Append("'\n");
        }

        if (string.Equals(context.Inputs.Get("targetType", "filePath"), "inline", StringComparison.OrdinalIgnoreCase))
        {
            builder.Append(context.Inputs.Get("script", string.Empty)).Append('\n');
        }
        else if (context.Inputs.Get("filePath") is { Length: > 0 } path)
        {
            var full = Path.GetFullPath(path, context.Workspace.SourcesDirectory).Replace("'", "''", StringComparison.Ordinal);
            builder.Append(". '").Append(full).Append("' ").Append(context.Inputs.Get("arguments", string.Empty)).Append('\n');
        }
        else
        {
            return null;
        }

        if (!context.Inputs.GetBool("ignoreLASTEXITCODE", false))
        {
            builder.Append("if ((Test-Path -LiteralPath variable:\\LASTEXITCODE)) { exit $LASTEXITCODE }\n");
        }

        return builder.ToString();
    }
}
