namespace Slipway.Core.Execution.Output;

/// <summary>
/// Turns output lines into typed Azure Pipelines commands, validating properties the way the agent's
/// command extensions do. A command the agent would reject becomes the agent's two error lines and a
/// failed step; an unknown area is a warning; text that is not a command returns null.
/// </summary>
internal static partial class AzureCommandInterpreter
{
    public const string DocLink = "http://go.microsoft.com/fwlink/?LinkId=817296";

    private static readonly HashSet<string> PassThroughAreas = new(StringComparer.OrdinalIgnoreCase)
    {
        "codecoverage", "results", "telemetry",
    };

    /// <summary>Interprets one output line. Null when the line is plain output.</summary>
    public static AzureCommandOutcome? ProcessLine(string line, bool decodePercents = true)
    {
        if (!AzureLoggingCommandParser.TryParse(line, decodePercents, out var command))
        {
            return AzureLoggingCommandParser.ContainsKeyword(line)
                ? AzureCommandOutcome.Warn(
                    ExecutionDiagnosticCodes.AzureCommandKeywordDetected,
                    $"'{line}' contains logging command keyword '##vso', but it's not a legal command. Please see the list of accepted commands: {DocLink}")
                : null;
        }

        return Interpret(command, line);
    }

    public static AzureCommandOutcome Interpret(AzureLoggingCommand command, string line)
    {
        var area = command.Area.ToLowerInvariant();
        if (area is not ("task" or "artifact" or "build" or "release") && !PassThroughAreas.Contains(area))
        {
            return AzureCommandOutcome.Warn(
                ExecutionDiagnosticCodes.AzureCommandAreaNotFound,
                $"Can't find command extension for ##vso[{command.Area}.command]. Please reference documentation ({DocLink})");
        }

        var result = area switch
        {
            "task" => InterpretTask(command),
            "artifact" => InterpretArtifact(command),
            "build" => InterpretBuild(command),
            "release" => InterpretRelease(command),
            _ => Result.Ok(new AzurePassThroughCommand(command)),
        };
        return result.ToOutcome(line);
    }

    private static Result NotRecognized(AzureLoggingCommand command) => Result.Fail(
        $"##vso[{command.Area}.{command.Event}] is not a recognized command for {command.Area} command extension. Please reference documentation ({DocLink}).");

    private static Result Required(AzureLoggingCommand command, string what) => Result.Fail(
        $"Required field '{what}' is missing in ##vso[{command.Area}.{command.Event}] command.");

    /// <summary>Either a command, a warning that does not stop anything, or the exception message the agent would throw.</summary>
    private readonly record struct Result(AzureCommand? Command, string? Failure, string? Warning)
    {
        public static Result Ok(AzureCommand command) => new(command, null, null);

        public static Result Fail(string message) => new(null, message, null);

        public static Result Warn(string message) => new(null, null, message);

        public AzureCommandOutcome ToOutcome(string line)
        {
            if (Failure is { } failure)
            {
                return new AzureCommandOutcome(null,
                [
                    CommandIssue.Error(ExecutionDiagnosticCodes.AzureCommandFailed, $"Unable to process command '{line}' successfully. Please reference documentation ({DocLink})"),
                    CommandIssue.Error(ExecutionDiagnosticCodes.AzureCommandFailed, failure),
                ], FailsStep: true);
            }

            return Warning is { } warning
                ? AzureCommandOutcome.Warn(ExecutionDiagnosticCodes.AzureCommandWarning, warning)
                : AzureCommandOutcome.Of(Command!);
        }
    }
}
