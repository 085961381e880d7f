using System.Diagnostics;
using System.Text.Json;

namespace Slipway.Cli.Tests.Run;

/// <summary>Runs <c>slipway run</c> in-process on a pipeline written to a fresh folder, and reads back the JSON report.</summary>
internal sealed class RunHarness
{
    private readonly CliRun _cli = new();

    public string Dir => _cli.Dir;

    public string Write(string relative, string text) => _cli.Write(relative, text);

    public async Task<RunOutcome> RunAsync(string yaml, params string[] args)
    {
        _cli.Write("azure-pipelines.yml", yaml);
        var report = Path.Combine(Dir, "report-" + Guid.NewGuid().ToString("N") + ".json");
        var (code, stdout, stderr) = await _cli.RunAsync(["run", "--report", report, .. args]);
        JsonElement? json = File.Exists(report) ? JsonDocument.Parse(File.ReadAllText(report)).RootElement : null;
        return new RunOutcome(code, stdout, stderr, json, Path.Combine(Dir, ".slipway"));
    }

    /// <summary>Makes the folder a git repository with one commit on <paramref name="branch"/>.</summary>
    public void InitGit(string branch = "main", string message = "first commit")
    {
        Git("init", "-q", "-b", branch);
        Git("-c", "user.name=Test User", "-c", "user.email=test@example.com", "add", "-A");
        Git("-c", "user.name=Test User", "-c", "user.email=test@example.com", "commit", "-q", "-m", message);
    }

    private void Git(params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = Dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
    }
}

internal sealed record RunOutcome(int Code, string Out, string Err, JsonElement? Report, string StoreDir)
{
    public JsonElement Json => Report ?? throw new InvalidOperationException("No report was written. stderr: " + Err + "\nstdout: " + Out);

    public string Result => Json.GetProperty("result").GetString()!;

    /// <summary>The result of the record with this identifier (e.g. <c>__default.A</c>, <c>S.J</c>, <c>S.J.step</c>).</summary>
    public string? RecordResult(string identifier) => Records().FirstOrDefault(r => string.Equals(r.GetProperty("identifier").GetString(), identifier, StringComparison.OrdinalIgnoreCase)) is { ValueKind: JsonValueKind.Object } r
        && r.TryGetProperty("result", out var result) ? result.GetString() : null;

    public string? RecordReason(string identifier) => Records().First(r => string.Equals(r.GetProperty("identifier").GetString(), identifier, StringComparison.OrdinalIgnoreCase))
        .TryGetProperty("reason", out var reason) ? reason.GetString() : null;

    /// <summary>Every stage, job and step of the report (docs/run-report.schema.json nests them: stages → jobs → steps).</summary>
    public IEnumerable<JsonElement> Records() => Json.GetProperty("stages").EnumerateArray().SelectMany(stage =>
        new[] { stage }.Concat(stage.GetProperty("jobs").EnumerateArray().SelectMany(job => new[] { job }.Concat(job.GetProperty("steps").EnumerateArray()))));

    /// <summary>Output variables of every job, named <c>Step.Name</c>.</summary>
    public IEnumerable<(string Job, string Name, string? Value)> Outputs() => Records().Where(r => r.TryGetProperty("outputs", out _))
        .SelectMany(job => job.GetProperty("outputs").EnumerateObject().Select(o => (job.GetProperty("identifier").GetString()!, o.Name, o.Value.GetString())));

    public IEnumerable<JsonElement> Issues() => Json.GetProperty("issues").EnumerateArray();

    /// <summary>Output lines of the plain log for one job (the <c>[Job]</c> or <c>[Stage/Job]</c> prefix removed).</summary>
    public List<string> Lines(string prefix) => [.. Out.Split('\n').Select(l => l.TrimEnd('\r'))
        .Where(l => l.StartsWith("[" + prefix + "] ", StringComparison.Ordinal))
        .Select(l => l[(prefix.Length + 3)..])];

    public string AllLogs() => string.Join("\n", Directory.EnumerateFiles(Path.Combine(StoreDir, "runs"), "*.log", SearchOption.AllDirectories).Select(File.ReadAllText));
}
