using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Slipway.Core.Diagnostics;

namespace Slipway.Core.Runtime.Reporting;

/// <summary>Writes a <see cref="RunReport"/> as JSON (camelCase, enums as their names, nulls left out).</summary>
internal static class RunReportJson
{
    public static string Serialize(RunReport report) =>
        JsonSerializer.Serialize(report, RunReportJsonContext.Default.RunReport);

    public static async Task WriteAsync(RunReport report, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteLineAsync(Serialize(report).AsMemory(), cancellationToken).ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the report to <paramref name="path"/> (creating its folder); a failure is a diagnostic, not an exception.</summary>
    public static async Task<Diagnostic?> TryWriteFileAsync(RunReport report, string path, CancellationToken cancellationToken)
    {
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            var temp = path + ".tmp";
            await File.WriteAllTextAsync(temp, Serialize(report) + "\n", new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
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
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(RunReport))]
internal sealed partial class RunReportJsonContext : JsonSerializerContext;
