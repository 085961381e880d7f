using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Slipway.Core.Diagnostics;

namespace Slipway.Core.Runtime.Reporting;

/// <summary>Writes a <see cref="RunReport"/> as JSON (camelCase, enums as their names, every field present: null when it has no value).</summary>
internal static class RunReportJson
{
    /// <summary>
    /// The report as JSON. With <paramref name="mask"/> (the run's secret masker), one last pass masks every string
    /// value and property name of the finished document (defence in depth: whatever reached the report unmasked, such
    /// as a step or output name equal to a secret, is replaced before it is written).
    /// </summary>
    public static string Serialize(RunReport report, Func<string, string>? mask = null)
    {
        if (mask is null)
        {
            return JsonSerializer.Serialize(report, RunReportJsonContext.Default.RunReport);
        }

        var node = JsonSerializer.SerializeToNode(report, RunReportJsonContext.Default.RunReport);
        return ReportMasking.Mask(node, mask)?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "null";
    }

    public static void Write(RunReport report, TextWriter writer, Func<string, string>? mask = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(Serialize(report, mask));
        writer.Flush();
    }

    /// <summary>Writes the report to <paramref name="path"/> (creating its folder, replacing the file whole); a failure is a diagnostic, not an exception.</summary>
    public static Diagnostic? TryWriteFile(RunReport report, string path, Func<string, string>? mask = null) =>
        TryWriteText(() => Serialize(report, mask), path);

    /// <summary>Writes the JSON <paramref name="text"/> gives to <paramref name="path"/> (see <see cref="TryWriteFile"/>).</summary>
    internal static Diagnostic? TryWriteText(Func<string> text, string path)
    {
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            var temp = path + ".tmp";
            File.WriteAllText(temp, text() + "\n", new UTF8Encoding(false));
            File.Move(temp, path, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Diagnostic.Error(ReportingDiagnosticCodes.ReportWriteFailed, $"Could not write the run report to '{path}': {e.Message}", new SourceLocation(path, 0, 0));
        }
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(RunReport))]
internal sealed partial class RunReportJsonContext : JsonSerializerContext;
