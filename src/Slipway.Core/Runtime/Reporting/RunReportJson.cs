using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Slipway.Core.Diagnostics;

namespace Slipway.Core.Runtime.Reporting;

/// <summary>Writes a <see cref="RunReport"/> as JSON (camelCase, enums as their names, every field present: null when it has no value).</summary>
internal static class RunReportJson
{
    public static string Serialize(RunReport report) =>
        JsonSerializer.Serialize(report, RunReportJsonContext.Default.RunReport);

    public static void Write(RunReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(Serialize(report));
        writer.Flush();
    }

    /// <summary>Writes the report to <paramref name="path"/> (creating its folder, replacing the file whole); a failure is a diagnostic, not an exception.</summary>
    public static Diagnostic? TryWriteFile(RunReport report, string path)
    {
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            var temp = path + ".tmp";
            File.WriteAllText(temp, Serialize(report) + "\n", new UTF8Encoding(false));
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
