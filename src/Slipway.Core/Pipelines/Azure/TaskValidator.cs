using System.Globalization;
using System.Text.RegularExpressions;
using Slipway.Core.Diagnostics;
using Slipway.Core.Pipelines.Azure.Schema;
using Slipway.Core.Planning;

namespace Slipway.Core.Pipelines.Azure;

/// <summary>Checks a <c>task:</c> step against the built-in task catalog: name, major version, inputs.</summary>
internal static partial class TaskValidator
{
    public static void Validate(StepPlan step, TaskCatalog catalog, DiagnosticBag diagnostics)
    {
        var task = step.Task;
        if (task.Version.Length == 0 || !int.TryParse(task.Version, NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            diagnostics.Error(AzureDiagnosticCodes.TaskVersionMissing,
                $"'task: {task.Name}{(task.Version.Length == 0 ? string.Empty : "@" + task.Version)}' needs a major version: write '{task.Name}@N', e.g. '{task.Name}@1'.", step.Location);
            return;
        }

        // Tasks named by GUID or by publisher.extension.Name come from extensions the catalog does not describe.
        if (GuidPattern().IsMatch(task.Name) || task.Name.Contains('.', StringComparison.Ordinal))
        {
            return;
        }

        var definition = catalog.Find(task.Name, major, out var majors);
        if (definition is null && catalog.IsLocal(task.Name, major))
        {
            return;
        }

        if (definition is null)
        {
            ReportUnknown(step, catalog, majors, diagnostics);
            return;
        }

        if (definition.Deprecated)
        {
            diagnostics.Warning(AzureDiagnosticCodes.DeprecatedTask, $"Task '{task}' is deprecated.", step.Location);
        }

        CheckInputs(step, definition, diagnostics);
    }

    private static void ReportUnknown(StepPlan step, TaskCatalog catalog, IReadOnlyList<int> majors, DiagnosticBag diagnostics)
    {
        var task = step.Task;
        if (majors.Count > 0)
        {
            diagnostics.Error(AzureDiagnosticCodes.UnknownTaskVersion,
                $"Task '{task.Name}' has no major version {task.Version}; known versions: {string.Join(", ", majors.Select(m => $"{task.Name}@{m}"))}.", step.Location);
            return;
        }

        // Not an error: organisations install tasks from extensions, which the catalog cannot know.
        var hint = Suggest.Closest(task.Name, catalog.Names) is { } near ? $" Did you mean '{near}'?" : string.Empty;
        diagnostics.Warning(AzureDiagnosticCodes.UnknownTask,
            $"'{task}' is not a built-in task; it can only run where an extension provides it.{hint} Locally, give its package (a folder with task.json) with --tasks-dir DIR or put it under .slipway/tasks/.",
            step.Location);
    }

    private static void CheckInputs(StepPlan step, TaskDefinition definition, DiagnosticBag diagnostics)
    {
        foreach (var input in step.Inputs)
        {
            if (definition.FindInput(input.Name) is null)
            {
                var hint = Suggest.Closest(input.Name, definition.Inputs.Select(i => i.Name)) is { } near ? $" Did you mean '{near}'?" : string.Empty;
                diagnostics.Warning(AzureDiagnosticCodes.UnknownTaskInput,
                    $"Task '{step.Task}' has no input '{input.Name}'; it will be ignored.{hint}", input.Location);
            }
        }

        foreach (var required in definition.Inputs.Where(i => i.Required))
        {
            if (!step.Inputs.Any(i => required.Matches(i.Name)))
            {
                diagnostics.Error(AzureDiagnosticCodes.MissingTaskInput, $"Task '{step.Task}' needs the input '{required.Name}'.", step.Location);
            }
        }
    }

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex GuidPattern();
}
