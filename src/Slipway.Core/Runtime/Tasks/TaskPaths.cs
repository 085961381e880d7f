using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.Tasks;

/// <summary>Path and input helpers shared by the built-in tasks (AZP-TASK-3, AZP-TASK-8).</summary>
internal static class TaskPaths
{
    /// <summary><c>System.DefaultWorkingDirectory</c>: the sources folder unless a variable says otherwise.</summary>
    public static string DefaultWorkingDirectory(StepContext context) =>
        context.Variables.Get("System.DefaultWorkingDirectory") is { Length: > 0 } dir ? dir : context.Workspace.SourcesDirectory;

    /// <summary>A <c>filePath</c> input made absolute: relative paths are rooted at the default working directory.</summary>
    public static string Resolve(StepContext context, string path) =>
        Path.GetFullPath(Path.Combine(DefaultWorkingDirectory(context), path.Trim()));

    /// <summary>The input value, or null after the task-lib's "Input required: NAME" failure message is set.</summary>
    public static string? Required(StepContext context, string name, out StepOutcome? failure)
    {
        var value = context.Inputs.Get(name);
        failure = string.IsNullOrWhiteSpace(value) ? StepOutcome.Failed($"Input required: {name}") : null;
        return failure is null ? value!.Trim() : null;
    }

    /// <summary>Splits a multi-line input (patterns, restore keys) into trimmed, non-empty lines.</summary>
    public static IReadOnlyList<string> Lines(string? value) =>
        value is null ? [] : value.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
