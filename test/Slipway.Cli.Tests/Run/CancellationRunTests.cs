using System.Diagnostics;
using System.Text.Json;

namespace Slipway.Cli.Tests.Run;

/// <summary>
/// Ctrl-C on a real <c>slipway run</c> process (AZP-COND-3, TC-69 (d)): the running step is stopped,
/// <c>always()</c> and <c>canceled()</c> steps still run, the run is recorded as canceled, and no
/// process of the run is left, including a background daemon a step started.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class CancellationRunTests
{
    [Fact]
    public async Task CtrlC_GracefulCancel_AlwaysStepsRun_RecordedCanceled_NoProcessLeft()
    {
        var harness = new RunHarness();
        var markers = Directory.CreateDirectory(Path.Combine(harness.Dir, "markers")).FullName;
        var tag = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        harness.Write("azure-pipelines.yml", $$"""
            jobs:
            - job: A
              steps:
              - checkout: none
              - bash: |
                  sleep {{tag}} &
                  echo started > "{{markers}}/started"
                  sleep {{tag}}
              - bash: echo ran > "{{markers}}/always"
                condition: always()
              - bash: echo ran > "{{markers}}/canceled"
                condition: canceled()
              - bash: echo ran > "{{markers}}/default"
            - job: B
              steps:
              - checkout: none
              - bash: sleep {{tag}}
            """);
        using var process = StartCli(harness.Dir, "--report", Path.Combine(harness.Dir, "report.json"));
        await WaitForAsync(() => File.Exists(Path.Combine(markers, "started")), process);
        Signal(process.Id, "INT");
        Assert.True(process.WaitForExit(60_000), "slipway did not end after Ctrl-C");

        Assert.Equal(1, process.ExitCode);
        Assert.True(File.Exists(Path.Combine(markers, "always")), "the always() step did not run");
        Assert.True(File.Exists(Path.Combine(markers, "canceled")), "the canceled() step did not run");
        Assert.False(File.Exists(Path.Combine(markers, "default")), "a succeeded() step ran after cancel");
        var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(harness.Dir, "report.json"))).RootElement;
        Assert.Equal("Canceled", report.GetProperty("result").GetString());
        Assert.Contains(new RunOutcome(0, string.Empty, string.Empty, report, string.Empty).Records(), r => r.GetProperty("identifier").GetString() == "__default.B" && r.GetProperty("result").GetString() == "Canceled");
        Assert.Empty(ProcessesWith("sleep " + tag));
    }

    [Fact]
    public async Task SecondCtrlC_KillsStepThatIgnoresInterrupt()
    {
        var harness = new RunHarness();
        var markers = Directory.CreateDirectory(Path.Combine(harness.Dir, "markers")).FullName;
        var tag = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        harness.Write("azure-pipelines.yml", $$"""
            steps:
            - checkout: none
            - bash: |
                trap '' INT TERM
                echo started > "{{markers}}/started"
                sleep {{tag}}
            """);
        using var process = StartCli(harness.Dir);
        await WaitForAsync(() => File.Exists(Path.Combine(markers, "started")), process);
        Signal(process.Id, "INT");
        await Task.Delay(500);
        Assert.False(process.HasExited);
        Signal(process.Id, "INT");
        Assert.True(process.WaitForExit(30_000), "slipway did not end after the second Ctrl-C");
        Assert.Equal(1, process.ExitCode);
        Assert.Empty(ProcessesWith("sleep " + tag));
    }

    private static Process StartCli(string dir, params string[] extra)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "slipway.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        foreach (var a in new[] { dll, "run", "-C", dir }.Concat(extra))
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForAsync(Func<bool> condition, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.False(process.HasExited, "slipway ended before the step started");
            Assert.True(DateTime.UtcNow < deadline, "the step did not start in time");
            await Task.Delay(50);
        }
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    /// <summary>Processes whose command line contains the text (reads /proc).</summary>
    internal static List<int> ProcessesWith(string text)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains(text, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours.
            }
        }

        return found;
    }
}
