using Slipway.Core.Runs;

namespace Slipway.Core.Tests.Runtime;

/// <summary>Step and job timeouts and the retry back-off, with time sped up (AZP-STEP-4, -5, AZP-JOB-3, TC-55).</summary>
[Trait("Category", "EndToEnd")]
public sealed class TimeoutsAndRetriesTests
{
    [Fact]
    public async Task AZP_STEP_4_StepTimeout_FailsStep_KillsProcess_AlwaysStepRuns()
    {
        var harness = new RuntimeHarness();
        var tag = Random.Shared.Next(100_000, 999_999);
        var result = await harness.RunAsync($$"""
            steps:
            - checkout: none
            - bash: sleep {{tag}}
              timeoutInMinutes: 1
            - bash: echo after
            - bash: echo always
              condition: always()
            """, new ScaledTimeProvider(60));
        Assert.Equal(RunResult.Failed, result.Result);
        var timedOut = harness.Events.Completed("__default.Job.Bash");
        Assert.Equal(RunResult.Failed, timedOut.Result);
        Assert.Contains("timed out", timedOut.Reason, StringComparison.Ordinal);
        Assert.Equal(RunResult.Skipped, harness.Events.Result("__default.Job.Bash1"));
        Assert.Contains("always", harness.Events.Output);
        Assert.Empty(ProcessScan.With("sleep " + tag));
    }

    [Fact]
    public async Task AZP_JOB_3_JobTimeout_CancelsJob_ReportsMaximumTime()
    {
        var harness = new RuntimeHarness();
        var tag = Random.Shared.Next(100_000, 999_999);
        var result = await harness.RunAsync($$"""
            jobs:
            - job: Slow
              timeoutInMinutes: 1
              steps:
              - checkout: none
              - bash: sleep {{tag}}
              - bash: echo cleanup ran
                condition: always()
            """, new ScaledTimeProvider(60));
        Assert.Equal(RunResult.Canceled, harness.Events.Result("__default.Slow"));
        Assert.Contains(harness.Events.Issues, i => i.Message.Contains("ran longer than the maximum time of 1 minutes", StringComparison.Ordinal));
        Assert.Contains("cleanup ran", harness.Events.Output);
        Assert.NotEqual(RunResult.Succeeded, result.Result);
        Assert.Empty(ProcessScan.With("sleep " + tag));
    }

    [Fact]
    public async Task TC_55_RetryCountClampedAtTen_DelaysAreKSquaredSeconds()
    {
        var harness = new RuntimeHarness();
        var time = new ScaledTimeProvider(1000);
        await harness.RunAsync("""
            jobs:
            - job: J
              timeoutInMinutes: 0
              steps:
              - checkout: none
              - bash: |
                  echo attempt
                  exit 1
                retryCountOnTaskFailure: 12
            """, time);
        Assert.Equal(10, harness.Events.Issues.Count(i => i.Message.Contains("Retrying", StringComparison.Ordinal)));
        for (var k = 1; k <= 10; k++)
        {
            Assert.Contains(harness.Events.Issues, i => i.Message.Contains($"Retrying {k}/10 in {k * k} second(s).", StringComparison.Ordinal));
            Assert.Contains(TimeSpan.FromSeconds(k * k), time.Requested);
        }

        Assert.Equal(RunResult.Failed, harness.Events.Result("__default.J.Bash"));
    }
}

internal static class ProcessScan
{
    public static List<int> With(string text)
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
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Contains(text, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // Ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours.
            }
        }

        return found;
    }
}
