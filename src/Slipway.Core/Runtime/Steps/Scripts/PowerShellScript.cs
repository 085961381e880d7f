namespace Slipway.Core.Runtime.Steps.Scripts;

/// <summary>
/// The script PowerShell@2 generates on Linux and macOS (azure-pipelines-tasks <c>Tasks/PowerShellV2/powershell.ts</c>,
/// AZP-STEP-9): one <c>$XPreference = 'VALUE'</c> line per preference input that is not <c>Default</c>, the inline
/// script or <c>. 'FILE' ARGUMENTS</c> (optionally wrapped to turn warnings into <c>##vso[task.logissue]</c>), then,
/// unless <c>ignoreLASTEXITCODE</c>, the block that exits with <c>$LASTEXITCODE</c>. Lines are joined with the OS
/// line ending, after a UTF-8 byte order mark.
/// </summary>
internal static class PowerShellScript
{
    private static readonly string[] ValidActions = ["Default", "Stop", "Continue", "SilentlyContinue"];

    /// <summary>The preference inputs in the task's order, with the task's defaults.</summary>
    private static readonly (string Input, string Variable, string Default)[] Preferences =
    [
        ("errorActionPreference", "ErrorActionPreference", "stop"),
        ("warningPreference", "WarningPreference", "default"),
        ("informationPreference", "InformationPreference", "default"),
        ("verbosePreference", "VerbosePreference", "default"),
        ("debugPreference", "DebugPreference", "default"),
        ("progressPreference", "ProgressPreference", "silentlyContinue"),
    ];

    private static readonly string[] LastExitCodeBlock =
    [
        @"if (!(Test-Path -LiteralPath variable:\LASTEXITCODE)) {",
        "    Write-Host '##vso[task.debug]$LASTEXITCODE is not set.'",
        "} else {",
        "    Write-Host ('##vso[task.debug]$LASTEXITCODE: {0}' -f $LASTEXITCODE)",
        "    exit $LASTEXITCODE",
        "}",
    ];

    /// <summary>The generated script and, for a file, its <c>. 'FILE' ARGUMENTS</c> line (logged as "Formatted command"); or the task's error message.</summary>
    public static (string? Contents, string? Command, string? Error) Generate(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lines = new List<string>();
        foreach (var (input, variable, fallback) in Preferences)
        {
            var value = context.Inputs.Get(input, fallback);
            if (!ValidActions.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                return (null, null, $"Invalid action preference for {input}: '{value}'. The value must be one of: {string.Join(", ", ValidActions)}");
            }

            if (!string.Equals(value, "default", StringComparison.OrdinalIgnoreCase))
            {
                lines.Add($"${variable} = '{value}'");
            }
        }

        var (script, error) = UserScript(context);
        if (error is not null)
        {
            return (null, null, error);
        }

        if (context.Inputs.GetBool("showWarnings", false))
        {
            script = ShowWarnings(script!);
        }

        lines.Add(script!);
        if (!context.Inputs.GetBool("ignoreLASTEXITCODE", false))
        {
            lines.AddRange(LastExitCodeBlock);
        }

        var inline = string.Equals(context.Inputs.Get("targetType", "filePath"), "inline", StringComparison.OrdinalIgnoreCase);
        return ("\uFEFF" + string.Join(Environment.NewLine, lines), inline ? null : script, null);
    }

    /// <summary>The inline script, or <c>. 'FILE' ARGUMENTS</c> for a <c>.ps1</c> file that exists.</summary>
    private static (string? Script, string? Error) UserScript(StepContext context)
    {
        var targetType = context.Inputs.Get("targetType", "filePath");
        if (string.Equals(targetType, "inline", StringComparison.OrdinalIgnoreCase))
        {
            return (context.Inputs.Get("script", string.Empty), null);
        }

        if (!string.Equals(targetType, "filePath", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"Invalid target type '{targetType}'. The value must be one of: 'filepath' or 'inline'");
        }

        if (context.Inputs.Get("filePath") is not { Length: > 0 } path)
        {
            return (null, "Input required: filePath");
        }

        var full = Path.GetFullPath(path, context.Workspace.SourcesDirectory);
        if (!File.Exists(full) || !full.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"Invalid file path '{full}'. A path to a .ps1 file is required.");
        }

        var quoted = full.Replace("'", "''", StringComparison.Ordinal);
        return ($". '{quoted}' {context.Inputs.Get("arguments", string.Empty)}".Trim(), null);
    }

    /// <summary><c>showWarnings</c>: every warning the script writes is also written as a <c>##vso[task.logissue type=warning;]</c> line.</summary>
    private static string ShowWarnings(string script) => $$"""

                $warnings = New-Object System.Collections.ObjectModel.ObservableCollection[System.Management.Automation.WarningRecord];
                Register-ObjectEvent -InputObject $warnings -EventName CollectionChanged -Action {
                    if($Event.SourceEventArgs.Action -like "Add"){
                        $Event.SourceEventArgs.NewItems | ForEach-Object {
                            Write-Host "##vso[task.logissue type=warning;]$_";
                        }
                    }
                };
                Invoke-Command {{{script}}} -WarningVariable +warnings;

""";
}
