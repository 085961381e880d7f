using System.Diagnostics;
using System.Text.Json;

namespace Slipway.Cli.Tests.Run.GitHub;

/// <summary>GHA-WF-10 across two real <c>slipway run</c> processes on the same repository.</summary>
[Trait("Category", "EndToEnd")]
public sealed class ConcurrencyProcessTests
{
    private const string Step = """
              - run: |
                  touch "$MARKERS/$TAG.started"
                  while [ ! -f "$MARKERS/$TAG.release" ]; do sleep 0.2; done
        """;

    [Fact]
    public async Task GHA_WF_10_JobGroup_SecondProcessWaits_UntilTheFirstEnds()
    {
        var (dir, markers) = Repository($$$"""
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                concurrency: deploy-${{ github.ref_name }}
                steps:
            {{{Step}}}
            """);
        using var first = StartCli(dir, markers, "one");
        await WaitForAsync(() => File.Exists(Path.Combine(markers, "one.started")), first);
        using var second = StartCli(dir, markers, "two");
        var pending = Path.Combine(dir, ".slipway", "concurrency");
        await WaitForAsync(() => Directory.Exists(pending) && Directory.EnumerateFiles(pending, "pending", SearchOption.AllDirectories).Any(), second);

        Assert.False(File.Exists(Path.Combine(markers, "two.started")), "the second run started while the first held the group");
        File.WriteAllText(Path.Combine(markers, "one.release"), string.Empty);
        Assert.True(first.WaitForExit(120_000));
        await WaitForAsync(() => File.Exists(Path.Combine(markers, "two.started")), second);
        File.WriteAllText(Path.Combine(markers, "two.release"), string.Empty);
        Assert.True(second.WaitForExit(120_000));

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
    }

    [Fact]
    public async Task GHA_WF_10_WorkflowGroup_CancelInProgress_CancelsTheRunInTheOtherProcess()
    {
        var (dir, markers) = Repository($$"""
            on: push
            concurrency:
              group: release
              cancel-in-progress: true
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
            {{Step}}
            """);
        using var first = StartCli(dir, markers, "one");
        await WaitForAsync(() => File.Exists(Path.Combine(markers, "one.started")), first);
        using var second = StartCli(dir, markers, "two");

        Assert.True(first.WaitForExit(120_000), "the running run was not canceled");
        await WaitForAsync(() => File.Exists(Path.Combine(markers, "two.started")), second);
        File.WriteAllText(Path.Combine(markers, "two.release"), string.Empty);
        Assert.True(second.WaitForExit(120_000));

        Assert.Equal((1, 0), (first.ExitCode, second.ExitCode));
        var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "one.json"))).RootElement;
        Assert.Equal("Canceled", report.GetProperty("result").GetString());
        Assert.Contains(report.GetProperty("issues").EnumerateArray(), i => i.GetProperty("message").GetString() == "Canceling since a higher priority waiting request for 'release' exists");
    }

    private static (string Dir, string Markers) Repository(string workflow)
    {
        var dir = Directory.CreateTempSubdirectory("slipway-concurrency-cli-").FullName;
        var markers = Directory.CreateDirectory(Path.Combine(dir, "markers")).FullName;
        Directory.CreateDirectory(Path.Combine(dir, ".github", "workflows"));
        File.WriteAllText(Path.Combine(dir, ".github", "workflows", "ci.yml"), workflow);
        File.WriteAllText(Path.Combine(dir, ".gitignore"), "markers/\n.slipway/\n*.json\n");
        Git(dir, "init", "-q", "-b", "main");
        Git(dir, "add", "-A");
        Git(dir, "-c", "user.name=Test User", "-c", "user.email=test@example.com", "commit", "-q", "-m", "ci");
        return (dir, markers);
    }

    private static Process StartCli(string dir, string markers, string tag)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "slipway.dll"), "run", "-C", dir, ".github/workflows/ci.yml", "--plain", "--report", Path.Combine(dir, tag + ".json") })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["MARKERS"] = markers;
        psi.Environment["TAG"] = tag;
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForAsync(Func<bool> condition, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!condition())
        {
            Assert.False(process.HasExited, "slipway ended too early");
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(50);
        }
    }

    private static void Git(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
    }
}
