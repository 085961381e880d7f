using System.Diagnostics;
using System.Text.Json;

namespace Slipway.Cli.Tests.Run.GitHub;

/// <summary>
/// <c>slipway run --event/--base/--payload/--input</c> end to end on real git repositories: which workflows an
/// event triggers and why the others are skipped (GHA-WF-2..4), typed dispatch inputs (GHA-WF-5), bad payloads.
/// </summary>
public sealed class TriggersRunTests
{
    private const string Steps = "    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n";

    private readonly CliRun _cli = new();

    private void Git(params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = _cli.Dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-c", "user.name=Test User", "-c", "user.email=test@example.com", .. args])
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var error = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, error.Result);
    }

    private void Commit(string message, params (string Path, string Text)[] files)
    {
        foreach (var (path, text) in files)
        {
            _cli.Write(path, text);
        }

        Git("add", "-A");
        Git("commit", "-q", "--allow-empty", "-m", message);
    }

    private async Task<(int Code, string Out, string Err, JsonElement? Report)> RunAsync(params string[] args)
    {
        var report = Path.Combine(_cli.Dir, "report-" + Guid.NewGuid().ToString("N") + ".json");
        var (code, stdout, stderr) = await _cli.RunAsync(["run", "--report", report, .. args]);
        JsonElement? json = File.Exists(report) ? JsonDocument.Parse(File.ReadAllText(report)).RootElement : null;
        return (code, stdout, stderr, json);
    }

    private static string? JobResult(JsonElement? report, string job) =>
        report!.Value.GetProperty("stages").EnumerateArray().SelectMany(s => s.GetProperty("jobs").EnumerateArray())
            .First(j => j.GetProperty("identifier").GetString() == "__default." + job).GetProperty("result").GetString();

    [Fact]
    public async Task GHA_WF_2_NotTriggeredWorkflowsAreListedWithTheirReason()
    {
        _cli.Write(".github/workflows/release.yml", "on:\n  push:\n    branches: ['release/**']\njobs:\n  a:\n" + Steps);
        _cli.Write(".github/workflows/pr.yml", "on: [pull_request]\njobs:\n  a:\n" + Steps);
        _cli.Write(".github/workflows/tags.yml", "on:\n  push:\n    tags: ['v*']\njobs:\n  a:\n" + Steps);
        Git("init", "-q", "-b", "main");
        Commit("first");

        var (code, stdout, _, _) = await RunAsync("--event", "push");

        Assert.Equal(0, code);
        Assert.Contains($"skipped {Display("release.yml")}: push to branch 'main' does not match branches ['release/**']", stdout, StringComparison.Ordinal);
        Assert.Contains($"skipped {Display("pr.yml")}: event 'push' is not in on: [pull_request]", stdout, StringComparison.Ordinal);
        Assert.Contains($"skipped {Display("tags.yml")}: push of branch 'main' does not trigger: on.push has only tag filters (tags ['v*'])", stdout, StringComparison.Ordinal);
        Assert.Contains("slipway: no workflow runs for the 'push' event.", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GHA_WF_2_SeveralTriggeredWorkflows_OneReportWithEveryRun_InReportFileAndJsonOutput()
    {
        _cli.Write(".github/workflows/build.yml", "on: push\njobs:\n  build:\n" + Steps);
        _cli.Write(".github/workflows/lint.yml", "on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: exit 3\n");
        Git("init", "-q", "-b", "main");
        Commit("first");

        var (code, stdout, _, report) = await RunAsync("--event", "push", "--output", "json");

        Assert.Equal(1, code);
        var file = report!.Value;
        Assert.Equal(("Failed", 1), (file.GetProperty("result").GetString(), file.GetProperty("exitCode").GetInt32()));
        var runs = file.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal([Display("build.yml"), Display("lint.yml")], runs.Select(r => r.GetProperty("pipeline").GetString()));
        Assert.Equal(["Succeeded", "Failed"], runs.Select(r => r.GetProperty("result").GetString()));
        Assert.NotEqual(runs[0].GetProperty("runId").GetInt64(), runs[1].GetProperty("runId").GetInt64());
        Assert.Equal(file.GetRawText(), JsonDocument.Parse(stdout).RootElement.GetRawText());
    }

    [Fact]
    public async Task GHA_WF_3_PathFilter_UsesTheLastCommit_OrEverythingSinceBase()
    {
        _cli.Write(".github/workflows/ci.yml", "on:\n  push:\n    paths: ['src/**']\njobs:\n  build:\n    if: false\n" + Steps);
        Git("init", "-q", "-b", "main");
        Commit("first");
        Commit("code", ("src/app.cs", "class A {}"));
        Commit("docs", ("docs/guide.md", "# guide"));

        var lastCommit = await RunAsync(".github/workflows/ci.yml", "--event", "push");
        var sinceBase = await RunAsync(".github/workflows/ci.yml", "--event", "push", "--base", "HEAD~2");

        Assert.Equal(0, lastCommit.Code);
        Assert.Contains($"skipped {Display("ci.yml")}: none of the changed files ['docs/guide.md'] match paths ['src/**']", lastCommit.Out, StringComparison.Ordinal);
        Assert.Null(lastCommit.Report);
        Assert.Equal(0, sinceBase.Code);
        Assert.DoesNotContain($"skipped {Display("ci.yml")}", sinceBase.Out, StringComparison.Ordinal);
        Assert.Equal("Skipped", JobResult(sinceBase.Report, "build")); // the workflow ran; its job's if is false
    }

    [Fact]
    public async Task GHA_WF_5_DispatchInputs_TypedInInputs_StringsInEventInputs()
    {
        _cli.Write(".github/workflows/manual.yml", """
            on:
              workflow_dispatch:
                inputs:
                  debug:
                    type: boolean
                  count:
                    type: number
                    default: 3
            jobs:
              typed:
                if: inputs.debug == true && inputs.count == 3
                runs-on: ubuntu-latest
                steps:
                  - run: echo typed
              strings_compared_to_boolean:
                if: github.event.inputs.debug == true
                runs-on: ubuntu-latest
                steps:
                  - run: echo never
              strings:
                if: github.event.inputs.debug == 'true' && github.event.inputs.count == '3'
                runs-on: ubuntu-latest
                steps:
                  - run: echo strings
            """);
        Git("init", "-q", "-b", "main");
        Commit("first");

        var run = await RunAsync(".github/workflows/manual.yml", "--event", "workflow_dispatch", "--input", "debug=true");

        // inputs.debug is the boolean true; github.event.inputs.debug is the string 'true', which is not == true
        // (GitHub compares a string and a boolean as numbers: NaN vs 1).
        Assert.NotEqual("Skipped", JobResult(run.Report, "typed"));
        Assert.Equal("Skipped", JobResult(run.Report, "strings_compared_to_boolean"));
        Assert.NotEqual("Skipped", JobResult(run.Report, "strings"));
    }

    [Fact]
    public async Task GHA_WF_5_StepsSeeTypedInputsAndStringEventInputs()
    {
        _cli.Write(".github/workflows/manual.yml", """
            on:
              workflow_dispatch:
                inputs:
                  debug:
                    type: boolean
                  count:
                    type: number
                    default: 3
            jobs:
              show:
                runs-on: ubuntu-latest
                steps:
                  - run: echo 'typed=${{ toJSON(inputs.count) }} ${{ toJSON(inputs.debug) }} strings=${{ toJSON(github.event.inputs.count) }} ${{ toJSON(github.event.inputs.debug) }}'
            """);
        Git("init", "-q", "-b", "main");
        Commit("first");

        var run = await RunAsync(".github/workflows/manual.yml", "--event", "workflow_dispatch", "--input", "debug=true");

        Assert.Equal(0, run.Code);
        Assert.Contains("[show] typed=3 true strings=\"3\" \"true\"", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushPayload_ReachesGithubEvent()
    {
        _cli.Write(".github/workflows/ci.yml", """
            on: push
            jobs:
              show:
                runs-on: ubuntu-latest
                steps:
                  - run: echo "ref=${{ github.ref }} message=${{ github.event.head_commit.message }} files=${{ join(github.event.commits[0].added, ',') }}"
            """);
        Git("init", "-q", "-b", "main");
        Commit("first");
        _cli.Write("src/a.cs", "a");
        Git("checkout", "-q", "-b", "feature/a");
        Commit("Add a");

        var run = await RunAsync(".github/workflows/ci.yml", "--event", "push");

        Assert.Equal(0, run.Code);
        Assert.Contains("[show] ref=refs/heads/feature/a message=Add a files=src/a.cs", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GHA_WF_5_BadDispatchInput_Exits2WithTheDeclaration()
    {
        _cli.Write(".github/workflows/manual.yml", "on:\n  workflow_dispatch:\n    inputs:\n      count:\n        type: number\njobs:\n  a:\n" + Steps);
        Git("init", "-q", "-b", "main");
        Commit("first");

        var (code, _, stderr, _) = await RunAsync(".github/workflows/manual.yml", "--event", "workflow_dispatch", "--input", "count=many");

        Assert.Equal(2, code);
        Assert.Contains($"{Display("manual.yml")}(4,7): error SLW8113: Provided value 'many' for number input 'count' is not a number", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadPayload_Exits2WithFileLineAndMessage()
    {
        _cli.Write(".github/workflows/ci.yml", "on: push\njobs:\n  a:\n" + Steps);
        var payload = _cli.Write("event.json", "{\n  \"ref\": refs/heads/x\n}");
        Git("init", "-q", "-b", "main");
        Commit("first");

        var (code, stdout, stderr, _) = await RunAsync(".github/workflows/ci.yml", "--event", "push", "--payload", "event.json");

        Assert.Equal(2, code);
        Assert.Contains($"{payload}(2,10): error SLW8102: The event payload is not valid JSON: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr + stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownEvent_Exits2ListingValidEvents()
    {
        _cli.Write(".github/workflows/ci.yml", "on: push\njobs:\n  a:\n" + Steps);
        Git("init", "-q", "-b", "main");
        Commit("first");

        var (code, _, stderr, _) = await RunAsync(".github/workflows/ci.yml", "--event", "psuh");

        Assert.Equal(2, code);
        Assert.Contains("error SLW8100: Unknown event 'psuh'. Valid events: branch_protection_rule, ", stderr, StringComparison.Ordinal);
    }

    private static string Display(string workflow) => Path.Combine(".github", "workflows", workflow);
}
