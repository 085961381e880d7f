using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.NodeTasks;

/// <summary>
/// Input resolution as the agent does it (AZP-TASK-3): every task.json input starts at its
/// <c>defaultValue</c> (macros expanded), the step's inputs overlay it (names or aliases,
/// case-insensitive, values trimmed), and non-empty <c>filePath</c> inputs become absolute paths
/// rooted at the sources folder. Inputs the task.json does not declare are passed on as given.
/// </summary>
internal static class NodeTaskInputs
{
    public static IReadOnlyDictionary<string, string> Resolve(TaskPackage package, StepContext context)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var input in package.Inputs)
        {
            values[input.Name] = input.DefaultValue is null ? string.Empty : context.Variables.Expand(input.DefaultValue);
        }

        foreach (var (key, value) in context.Inputs.All)
        {
            var name = package.FindInput(key)?.Name ?? key;
            values[name] = value.Trim();
        }

        foreach (var input in package.Inputs.Where(i => string.Equals(i.Type, "filePath", StringComparison.OrdinalIgnoreCase)))
        {
            if (values.TryGetValue(input.Name, out var path) && path.Length > 0 && !Path.IsPathRooted(path))
            {
                values[input.Name] = Path.GetFullPath(Path.Combine(context.Workspace.SourcesDirectory, path));
            }
        }

        return values;
    }
}
