using System.Diagnostics;
using System.Text.Json;

namespace Slipway.Cli.Tests.Run.GitHub;

/// <summary>Runs <c>slipway run</c> in-process on workflows written to a fresh git repository, and reads back the JSON report.</summary>
internal sealed class GitHubRunHarness
{
    private readonly CliRun _cli = new();
    private bool _git;

    public string Dir => _cli.Dir;

    public string Write(string relative, string text) => _cli.Write(relative, text);

    /// <summary>Writes <c>.github/workflows/&lt;name&gt;.yml</c>.</summary>
    public string Workflow(string name, string yaml) => _cli.Write($".github/workflows/{name}.yml", yaml);

    /// <summary>Runs <c>slipway run ARGS --report F</c> (committing the repository first).</summary>
    public async Task<RunOutcome> RunAsync(params string[] args)
    {
        Commit();
        var report = Path.Combine(Dir, "report-" + Guid.NewGuid().ToString("N") + ".json");
        var (code, stdout, stderr) = await _cli.RunAsync(["run", "--report", report, .. args]);
        JsonElement? json = File.Exists(report) ? JsonDocument.Parse(File.ReadAllText(report)).RootElement : null;
        return new RunOutcome(code, stdout, stderr, json, Path.Combine(Dir, ".slipway"));
    }

    /// <summary>Runs a command (e.g. <c>runs</c>) with the repository as the working directory.</summary>
    public async Task<(int Code, string Out, string Err)> CliAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, Dir, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private void Commit()
    {
        if (!_git)
        {
            Git("init", "-q", "-b", "main");
            _git = true;
        }

        Git("-c", "user.name=Test User", "-c", "user.email=test@example.com", "add", "-A");
        Git("-c", "user.name=Test User", "-c", "user.email=test@example.com", "commit", "-q", "--allow-empty", "-m", "change");
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
