using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Core.Diagnostics;

namespace Slipway.Core.Runtime.Reporting;

/// <summary>One finished run's report and the secret masker of that run.</summary>
internal sealed record MaskedRunReport(RunReport Report, Func<string, string>? Mask);

/// <summary>
/// The report of one <c>slipway run</c> that ran several runs (an event that triggers several GitHub
/// workflows): with one run it is that run's report, unchanged; with more it is
/// <c>{schemaVersion, result, exitCode, runs: [report, ...]}</c> (docs/run-report.schema.json, <c>runs</c>),
/// the result being the worst of the runs and the exit code the one the command exits with.
/// </summary>
internal static class RunReportsJson
{
    public static string Serialize(IReadOnlyList<MaskedRunReport> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 1)
        {
            return RunReportJson.Serialize(runs[0].Report, runs[0].Mask);
        }

        var items = new JsonArray();
        foreach (var run in runs)
        {
            items.Add(JsonNode.Parse(RunReportJson.Serialize(run.Report, run.Mask)));
        }

        var results = runs.Select(r => r.Report.Result).OfType<Runs.RunResult>().ToList();
        var root = new JsonObject
        {
            ["schemaVersion"] = RunReport.CurrentSchemaVersion,
            ["result"] = results.Count == runs.Count ? RunResults.Combine(results).ToString() : null,
            ["exitCode"] = runs.Max(r => r.Report.ExitCode ?? 1),
            ["runs"] = items,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public static void Write(IReadOnlyList<MaskedRunReport> runs, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(Serialize(runs));
        writer.Flush();
    }

    public static Diagnostic? TryWriteFile(IReadOnlyList<MaskedRunReport> runs, string path) => RunReportJson.TryWriteText(() => Serialize(runs), path);
}
