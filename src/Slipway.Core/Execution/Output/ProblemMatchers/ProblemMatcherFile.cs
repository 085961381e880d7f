using System.Globalization;
using System.Text.Json;

namespace Slipway.Core.Execution.Output.ProblemMatchers;

/// <summary>What reading a matcher file gave: its validated matchers, or why it is unusable (the runner's wording where it has one).</summary>
internal sealed record ProblemMatcherFileResult(IReadOnlyList<ProblemMatcher> Matchers, string? Error)
{
    public static ProblemMatcherFileResult Failed(string error) => new([], error);
}

/// <summary>
/// Reads a matcher file (<c>{"problemMatcher": [...]}</c>) the way actions/runner's <c>IssueMatchersConfig</c>
/// does: property names in any case, comments and trailing commas allowed, numbers also as strings; then
/// <see cref="ProblemMatcherValidation"/>. AOT-safe (<see cref="JsonDocument"/>).
/// </summary>
internal static class ProblemMatcherFile
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static ProblemMatcherFileResult Read(string path, TimeSpan timeout)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ProblemMatcherFileResult.Failed(e is FileNotFoundException or DirectoryNotFoundException ? $"Could not find file '{path}'." : e.Message);
        }

        try
        {
            using var document = JsonDocument.Parse(text, Options);
            var configs = Parse(document.RootElement);
            return ProblemMatcherValidation.Validate(configs, timeout);
        }
        catch (JsonException e)
        {
            return ProblemMatcherFileResult.Failed($"'{path}' is not a valid problem matcher file: {e.Message}");
        }
        catch (FormatException e)
        {
            return ProblemMatcherFileResult.Failed($"'{path}' is not a valid problem matcher file: {e.Message}");
        }
    }

    /// <summary>The <c>problemMatcher</c> entries; a missing or null array is no matchers (the runner then adds nothing).</summary>
    public static IReadOnlyList<ProblemMatcherConfig> Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || Property(root, "problemMatcher") is not { ValueKind: JsonValueKind.Array } array)
        {
            return root.ValueKind is JsonValueKind.Object or JsonValueKind.Null
                ? []
                : throw new FormatException("the file must hold a JSON object with a 'problemMatcher' array.");
        }

        return [.. array.EnumerateArray().Select(Matcher)];
    }

    private static ProblemMatcherConfig Matcher(JsonElement element)
    {
        var patterns = Property(element, "pattern") is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(Pattern).ToList()
            : [];
        return new ProblemMatcherConfig(String(element, "owner") ?? string.Empty, String(element, "severity") ?? string.Empty, patterns);
    }

    private static ProblemPatternConfig Pattern(JsonElement element) => new()
    {
        Regexp = String(element, "regexp") ?? string.Empty,
        File = Int(element, "file"),
        FromPath = Int(element, "fromPath"),
        Line = Int(element, "line"),
        Column = Int(element, "column"),
        Severity = Int(element, "severity"),
        Code = Int(element, "code"),
        Message = Int(element, "message"),
        Loop = Property(element, "loop") is { } loop && loop.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            JsonValueKind.String when bool.TryParse(loop.GetString(), out var value) => value,
            _ => throw new FormatException($"'loop' must be true or false, not {loop.GetRawText()}."),
        },
    };

    private static string? String(JsonElement element, string name) => Property(element, name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { } value => throw new FormatException($"'{name}' must be a string, not {value.GetRawText()}."),
    };

    private static int? Int(JsonElement element, string name) => Property(element, name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt32(out var number) => number,
        { ValueKind: JsonValueKind.String } value when int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
        { } value => throw new FormatException($"'{name}' must be a group number, not {value.GetRawText()}."),
    };

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"expected an object where {element.GetRawText()} is.");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
