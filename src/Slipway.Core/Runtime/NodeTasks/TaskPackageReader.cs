using System.Globalization;
using System.Text.Json;

namespace Slipway.Core.Runtime.NodeTasks;

/// <summary>Reads task.json. A file that is not a task description is an error message, never an exception.</summary>
internal static class TaskPackageReader
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static (TaskPackage? Package, string? Error) Read(string taskJsonPath)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(taskJsonPath), Options);
            return Parse(document.RootElement, Path.GetDirectoryName(Path.GetFullPath(taskJsonPath))!, taskJsonPath);
        }
        catch (JsonException ex)
        {
            return (null, $"{taskJsonPath}: not valid JSON: {ex.Message}");
        }
        catch (IOException ex)
        {
            return (null, $"{taskJsonPath}: could not be read: {ex.Message}");
        }
    }

    private static (TaskPackage?, string?) Parse(JsonElement root, string directory, string path)
    {
        if (root.ValueKind != JsonValueKind.Object
            || String(root, "name") is not { Length: > 0 } name
            || !Guid.TryParse(String(root, "id"), out var id)
            || Property(root, "version") is not { ValueKind: JsonValueKind.Object } version)
        {
            return (null, $"{path}: a task.json needs 'id' (a GUID), 'name' and 'version' {{Major, Minor, Patch}}.");
        }

        return (new TaskPackage
        {
            Directory = directory,
            Id = id,
            Name = name,
            Version = new Version(Number(version, "Major"), Number(version, "Minor"), Number(version, "Patch")),
            FriendlyName = String(root, "friendlyName"),
            InstanceNameFormat = String(root, "instanceNameFormat"),
            Inputs = Property(root, "inputs") is { ValueKind: JsonValueKind.Array } inputs ? [.. inputs.EnumerateArray().Select(Input).OfType<TaskPackageInput>()] : [],
            Execution = Handlers(Property(root, "execution")),
            PreJobExecution = Handlers(Property(root, "prejobexecution")),
            PostJobExecution = Handlers(Property(root, "postjobexecution")),
        }, null);
    }

    private static TaskPackageInput? Input(JsonElement input)
    {
        if (input.ValueKind != JsonValueKind.Object || String(input, "name") is not { Length: > 0 } name)
        {
            return null;
        }

        var aliases = Property(input, "aliases") is { ValueKind: JsonValueKind.Array } a
            ? a.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];
        var required = Property(input, "required") is { } r && (r.ValueKind == JsonValueKind.True
            || r.ValueKind == JsonValueKind.String && string.Equals(r.GetString(), "true", StringComparison.OrdinalIgnoreCase));
        return new TaskPackageInput(name, String(input, "type") ?? "string", String(input, "defaultValue"), required, aliases);
    }

    private static List<TaskHandlerEntry> Handlers(JsonElement? execution) =>
        execution is { ValueKind: JsonValueKind.Object } e
            ? [.. e.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.Object && String(p.Value, "target") is { Length: > 0 })
                .Select(p => new TaskHandlerEntry(p.Name, String(p.Value, "target")!))]
            : [];

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>A string property; numbers and booleans (a <c>defaultValue</c> of <c>false</c>) are given as text.</summary>
    private static string? String(JsonElement element, string name) => Property(element, name) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        _ => null,
    };

    private static int Number(JsonElement element, string name) =>
        int.TryParse(String(element, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : 0;
}
