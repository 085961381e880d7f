using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Slipway.Core.Pipelines.Azure.Schema;

/// <summary>
/// Turns service-schema.json (definitions.task.anyOf: one entry per task@major with its inputs,
/// aliases and required list) into the compact catalog text that <see cref="TaskCatalog"/> reads.
/// Run by a test that keeps the checked-in tasks.catalog in step with the schema.
/// </summary>
internal static partial class TaskCatalogBuilder
{
    public static string FromServiceSchema(Stream schemaJson)
    {
        using var doc = JsonDocument.Parse(schemaJson);
        var entries = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var tasks = doc.RootElement.GetProperty("definitions").GetProperty("task").GetProperty("anyOf");
        foreach (var task in tasks.EnumerateArray())
        {
            var props = task.GetProperty("properties");
            var match = TaskPattern().Match(props.GetProperty("task").GetProperty("pattern").GetString() ?? string.Empty);
            if (!match.Success)
            {
                continue;
            }

            var key = $"{match.Groups[1].Value}\t{match.Groups[2].Value}";
            var deprecated = task.TryGetProperty("deprecationMessage", out _)
                || props.GetProperty("task").GetProperty("description").GetString()?.Contains("is deprecated", StringComparison.Ordinal) == true;
            var line = $"{key}\t{(deprecated ? "d" : "-")}\t{Inputs(props)}";

            // The schema lists a few tasks twice (a current and a deprecated entry): keep the current one.
            if (!entries.TryGetValue(key, out var existing) || existing.Split('\t')[2] == "d")
            {
                entries[key] = line;
            }
        }

        var sb = new StringBuilder("# Generated from service-schema.json by TaskCatalogBuilder; do not edit.\n");
        foreach (var line in entries.Values)
        {
            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }

    private static string Inputs(JsonElement props)
    {
        if (!props.TryGetProperty("inputs", out var inputs) || !inputs.TryGetProperty("properties", out var inputProps))
        {
            return string.Empty;
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        if (inputs.TryGetProperty("required", out var req))
        {
            foreach (var r in req.EnumerateArray())
            {
                required.Add(r.GetString() ?? string.Empty);
            }
        }

        var specs = new List<string>();
        foreach (var input in inputProps.EnumerateObject())
        {
            var spec = new StringBuilder(input.Name);
            if (input.Value.TryGetProperty("aliases", out var aliases))
            {
                foreach (var alias in aliases.EnumerateArray())
                {
                    spec.Append('|').Append(alias.GetString());
                }
            }

            if (required.Contains(input.Name))
            {
                spec.Append('!');
            }

            specs.Add(spec.ToString());
        }

        return string.Join(';', specs);
    }

    [GeneratedRegex(@"^\^([A-Za-z0-9_.\-]+)@(\d+)\$$", RegexOptions.CultureInvariant)]
    private static partial Regex TaskPattern();
}
