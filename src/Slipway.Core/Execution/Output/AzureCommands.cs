namespace Slipway.Core.Execution.Output;

internal enum AzureIssueType
{
    Error,
    Warning,
}

/// <summary>The agent's TaskResult values that <c>task.complete</c> accepts.</summary>
internal enum AzureTaskResult
{
    Succeeded = 0,
    SucceededWithIssues = 1,
    Failed = 2,
    Canceled = 3,
    Skipped = 4,
    Abandoned = 5,
}

internal enum AzureEndpointField
{
    AuthParameter,
    DataParameter,
    Url,
}

/// <summary>A logging command the runner has to apply, validated and typed (AZP-LOG-10..37).</summary>
internal abstract record AzureCommand;

/// <summary>AZP-LOG-10. Read-only targets are checked by the runner, which knows the variables.</summary>
internal sealed record AzureSetVariable(string Name, string Value, bool IsSecret, bool IsOutput, bool IsReadOnly) : AzureCommand;

internal sealed record AzureSetSecret(string Value) : AzureCommand;

internal sealed record AzureLogIssue(
    AzureIssueType Type, string Message, string? SourcePath, int? LineNumber, int? ColumnNumber, string? Code) : AzureCommand;

internal sealed record AzureComplete(AzureTaskResult Result, bool Done, string Message) : AzureCommand;

internal sealed record AzureSetProgress(int Percent, string CurrentOperation) : AzureCommand;

internal sealed record AzurePrependPath(string Path) : AzureCommand;

internal sealed record AzureUploadFile(string Path) : AzureCommand;

internal sealed record AzureAddAttachment(string Type, string Name, string Path) : AzureCommand;

internal sealed record AzureUploadSummary(string Path) : AzureCommand;

internal sealed record AzureSetEndpoint(string Id, AzureEndpointField Field, string? Key, string Value) : AzureCommand;

/// <summary>AZP-LOG-20; fields stay raw because their checks depend on records created earlier.</summary>
internal sealed record AzureLogDetail(Guid Id, IReadOnlyDictionary<string, string> Properties, string Data) : AzureCommand;

internal sealed record AzureSetTaskVariable(string Name, string Value, bool IsSecret, bool IsReadOnly) : AzureCommand;

internal sealed record AzureDebug(string Message) : AzureCommand;

internal sealed record AzureArtifactAssociate(string ArtifactName, string ArtifactType, string Location, IReadOnlyDictionary<string, string> Properties) : AzureCommand;

internal sealed record AzureArtifactUpload(string ArtifactName, string ContainerFolder, string Path, IReadOnlyDictionary<string, string> Properties) : AzureCommand;

internal sealed record AzureUploadLog(string Path) : AzureCommand;

internal sealed record AzureUpdateBuildNumber(string BuildNumber) : AzureCommand;

internal sealed record AzureAddBuildTag(string Tag) : AzureCommand;

internal sealed record AzureUpdateReleaseName(string Name) : AzureCommand;

/// <summary>Recognised but not interpreted here (codecoverage/results/telemetry publish).</summary>
internal sealed record AzurePassThroughCommand(AzureLoggingCommand Raw) : AzureCommand;

/// <summary>What processing one output line yields: a command to apply (or none), issues to log,
/// and whether the step must fail (the agent sets <c>CommandResult = Failed</c>).</summary>
internal sealed record AzureCommandOutcome(AzureCommand? Command, IReadOnlyList<CommandIssue> Issues, bool FailsStep)
{
    public static AzureCommandOutcome Of(AzureCommand command) => new(command, [], false);

    public static AzureCommandOutcome Warn(string code, string message) => new(null, [CommandIssue.Warning(code, message)], false);
}
