using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Slipway.Core.Execution.Output;
using Slipway.Core.Execution.Processes;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Tests.Runtime.Tasks;

/// <summary>Variables in a dictionary; records what handlers set, prepend and register.</summary>
internal sealed partial class RecordingVariables : IStepVariables
{
    private readonly Dictionary<string, VariableValue> _values = new(StringComparer.OrdinalIgnoreCase);

    public List<(string Name, string Value, bool IsSecret, bool IsOutput)> Sets { get; } = [];

    public List<string> PrependedPaths { get; } = [];

    public List<string> Secrets { get; } = [];

    public IReadOnlyList<VariableValue> All => [.. _values.Values];

    public void Define(string name, string value, bool isSecret = false) => _values[name] = new VariableValue(name, value, isSecret, false);

    public string? Get(string name) => _values.TryGetValue(name, out var v) ? v.Value : null;

    public bool Set(string name, string value, bool isSecret = false, bool isOutput = false, bool isReadOnly = false)
    {
        Sets.Add((name, value, isSecret, isOutput));
        _values[name] = new VariableValue(name, value, isSecret, isReadOnly);
        return true;
    }

    public void SetSystem(string name, string value) => _values[name] = new VariableValue(name, value, false, true);

    public void AddSecret(string value) => Secrets.Add(value);

    public void PrependPath(string path) => PrependedPaths.Add(path);

    public string Expand(string text) => MacroPattern().Replace(text, m => Get(m.Groups[1].Value) ?? m.Value);

    [GeneratedRegex(@"\$\(([^)]+)\)")]
    private static partial Regex MacroPattern();
}

/// <summary>Keeps every log line with its kind.</summary>
internal sealed class RecordingLog : IStepLogger
{
    public ConcurrentQueue<(LogLineKind Kind, string Text)> Lines { get; } = new();

    public bool IsDebugEnabled => true;

    public IEnumerable<string> Warnings => Lines.Where(l => l.Kind == LogLineKind.Warning).Select(l => l.Text);

    public IEnumerable<string> Errors => Lines.Where(l => l.Kind == LogLineKind.Error).Select(l => l.Text);

    public string Text => string.Join('\n', Lines.Select(l => l.Text));

    public void Output(string line) => Lines.Enqueue((LogLineKind.Output, line));

    public void Command(string line) => Lines.Enqueue((LogLineKind.Command, line));

    public void Debug(string line) => Lines.Enqueue((LogLineKind.Debug, line));

    public void Section(string title) => Lines.Enqueue((LogLineKind.Section, title));

    public void Group(string title) => Lines.Enqueue((LogLineKind.Group, title));

    public void EndGroup() => Lines.Enqueue((LogLineKind.EndGroup, string.Empty));

    public void Warning(string message, string? file = null, int? line = null, int? column = null, string? code = null) =>
        Lines.Enqueue((LogLineKind.Warning, message));

    public void Error(string message, string? file = null, int? line = null, int? column = null, string? code = null) =>
        Lines.Enqueue((LogLineKind.Error, message));
}

/// <summary>Runs real processes with the repository's ProcessRunner; keeps output lines and the
/// parsed <c>##vso</c> commands (the real runtime applies them; tests assert on them).</summary>
internal sealed class RecordingProcessRunner(IStepLogger log, IReadOnlyDictionary<string, string> defaultEnvironment, string defaultDirectory) : IStepProcessRunner
{
    public ConcurrentQueue<AzureLoggingCommand> Commands { get; } = new();

    public ConcurrentQueue<StepProcessRequest> Requests { get; } = new();

    public async Task<StepProcessResult> RunAsync(StepProcessRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        var spec = new ProcessSpec
        {
            FileName = request.FileName,
            Arguments = request.Arguments,
            WorkingDirectory = request.WorkingDirectory ?? defaultDirectory,
            Environment = request.Environment ?? defaultEnvironment,
        };
        var stderr = false;
        var result = await new ProcessRunner(TimeProvider.System).RunAsync(
            spec,
            line =>
            {
                stderr |= line.Stream == OutputStream.StandardError;
                if (AzureLoggingCommandParser.TryParse(line.Text, true, out var command))
                {
                    Commands.Enqueue(command);
                }
                else
                {
                    log.Output(line.Text);
                }

                return ValueTask.CompletedTask;
            },
            cancellationToken);
        return new StepProcessResult(result, stderr);
    }
}

internal sealed class RecordingPostJob : IPostJobSteps
{
    public List<(string DisplayName, Func<StepContext, CancellationToken, Task<StepOutcome>> Run, string Condition)> Steps { get; } = [];

    public void Add(string displayName, Func<StepContext, CancellationToken, Task<StepOutcome>> run, string condition = "succeeded()") =>
        Steps.Add((displayName, run, condition));
}

internal sealed class RecordingEvents : IRunEventSink
{
    public ConcurrentQueue<RunEvent> Events { get; } = new();

    public void OnEvent(RunEvent runEvent) => Events.Enqueue(runEvent);

    public void OnLogLine(in LogLine line)
    {
    }
}
