using System.Text.Json;

namespace Slipway.Cli.Tests.Run.GitHub;

/// <summary>The GitHub job runner through <c>slipway run</c>: step records, runner protocol, summaries, masking, exit codes.</summary>
public sealed class JobRunnerRunTests
{
    private const string Secret = "Sup3r-Secret+Value/42";

    [Fact]
    public async Task Steps_AreRecorded_WithGitHubNames_AndLogs()
    {
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo "hello from $GITHUB_JOB on $RUNNER_OS"
                  - name: Second
                    run: echo "ref=$GITHUB_REF_NAME event=$GITHUB_EVENT_NAME"
            """);
        var run = await h.RunAsync();

        Assert.Equal(0, run.Code);
        var steps = run.Records().Where(r => r.GetProperty("identifier").GetString()!.StartsWith("__default.build.", StringComparison.Ordinal))
            .Select(r => r.GetProperty("displayName").GetString()).ToList();
        Assert.Equal(["Set up job", "Run echo \"hello from $GITHUB_JOB on $RUNNER_OS\"", "Second"], steps);
        Assert.Contains("hello from build on Linux", run.Lines("build"));
        Assert.Contains("ref=main event=push", run.AllLogs(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParallelSteps_BackgroundWaitCancelAndParallel_EachWithItsOwnRecordAndLog()
    {
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - id: server
                    name: Server
                    background: true
                    run: echo "server up"; sleep 60
                  - parallel:
                      - id: lint
                        name: Lint
                        run: echo "lint ok"
                      - id: test
                        name: Test
                        run: echo "test ok"; echo "n=3" >> "$GITHUB_OUTPUT"
                  - run: echo "tests=${{ steps.test.outputs.n }}"
                  - cancel: server
            """);
        var run = await h.RunAsync();

        Assert.True(run.Code == 0, run.Out + run.Err);
        var steps = run.Records().Where(r => r.GetProperty("identifier").GetString()!.StartsWith("__default.build.", StringComparison.Ordinal))
            .ToDictionary(r => r.GetProperty("displayName").GetString()!, r => r.GetProperty("result").GetString());
        Assert.Equal("Canceled", steps["Server"]);
        Assert.Equal(("Succeeded", "Succeeded", "Succeeded", "Succeeded"), (steps["Lint"], steps["Test"], steps["Parallel group"], steps["Cancel"]));
        Assert.Contains("tests=3", run.Lines("build"));
        Assert.Contains("server up", run.AllLogs(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FILE_7_StepSummary_InTheRunSummary_AndTheReport()
    {
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - name: Summarize
                    run: |
                      echo "### Build report" >> "$GITHUB_STEP_SUMMARY"
                      echo "token ${{ secrets.TOKEN }}" >> "$GITHUB_STEP_SUMMARY"
            """);
        var run = await h.RunAsync("--secret", "TOKEN=" + Secret);

        Assert.Equal(0, run.Code);
        var summary = Assert.Single(run.Json.GetProperty("stepSummaries").EnumerateArray().ToList());
        Assert.Equal("Summarize", summary.GetProperty("displayName").GetString());
        Assert.Equal("### Build report\ntoken ***\n", summary.GetProperty("markdown").GetString());
        Assert.True(File.Exists(summary.GetProperty("path").GetString()));
        Assert.Contains("Step summaries", run.Out + run.Err, StringComparison.Ordinal);
        Assert.Contains("### Build report", run.Out + run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Out + run.Err + run.AllLogs() + File.ReadAllText(summary.GetProperty("path").GetString()!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CMD_2_Annotations_AreIssuesWithTheirFileAndLine()
    {
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      echo "::warning file=src/a.cs,line=12,col=5::Obsolete API"
                      echo "::error::Broken thing"
                      exit 2
            """);
        var run = await h.RunAsync();

        Assert.Equal(1, run.Code);
        var issues = run.Issues().ToList();
        Assert.Contains(issues, i => i.GetProperty("message").GetString() == "Obsolete API" && i.GetProperty("file").GetString() == "src/a.cs" && i.GetProperty("line").GetInt32() == 12);
        Assert.Contains(issues, i => i.GetProperty("message").GetString() == "Broken thing" && i.GetProperty("type").GetString() == "Error");
        Assert.Contains(issues, i => i.GetProperty("message").GetString() == "Process completed with exit code 2.");
    }

    [Fact]
    public async Task SEC_1_SecretAndAddMask_NeverInOutputLogsReportOrStore()
    {
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                outputs:
                  leaked: ${{ steps.s.outputs.value }}
                steps:
                  - id: s
                    run: |
                      pw="generated-password-$((100 + 23))"
                      echo "::add-mask::$pw"
                      echo "pw $pw and ${{ secrets.TOKEN }}"
                      echo "b64 $(printf '%s' '${{ secrets.TOKEN }}' | base64)"
                      echo "value=${{ secrets.TOKEN }}" >> "$GITHUB_OUTPUT"
              after:
                needs: build
                runs-on: ubuntu-latest
                steps:
                  - run: echo "got [${{ needs.build.outputs.leaked }}]"
            """);
        var run = await h.RunAsync("--secret", "TOKEN=" + Secret);

        Assert.Equal(0, run.Code);
        Assert.Contains("pw *** and ***", run.Lines("build"));
        Assert.Contains("b64 ***", run.Lines("build"));
        Assert.Contains("got []", run.Lines("after"));
        var everything = run.Out + run.Err + run.AllLogs() + JsonSerializer.Serialize(run.Json) + StoreText(run.StoreDir);
        foreach (var leak in new[] { Secret, Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Secret)), "generated-password-123" })
        {
            Assert.DoesNotContain(leak, everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task STEP_4_InvalidShell_FailsTheStep_WithTheRunnersMessage()
    {
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo hi
                    shell: bash -x
            """);
        var run = await h.RunAsync();

        Assert.Equal(1, run.Code);
        Assert.Contains(run.Issues(), i => i.GetProperty("message").GetString()!.StartsWith("Invalid shell option. Shell must be a valid built-in", StringComparison.Ordinal)
            && i.GetProperty("code").GetString() == "SLW8301");
    }

    private static string StoreText(string storeDir) => string.Join("\n", Directory.EnumerateFiles(storeDir, "*", SearchOption.AllDirectories).Select(f =>
    {
        using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }));

    [Fact]
    public async Task BackgroundProcesses_LiveUntilTheJobEnds_ThenAreKilled_AlsoOnesThatLeftTheirGroup()
    {
        // As the runner's orphan cleanup (RUNNER_TRACKING_ID): a step's background processes serve later steps, and
        // none outlives the job, not even one that left the step's process group with setsid.
        var tag = Random.Shared.Next(100_000, 999_998);
        var h = new GitHubRunHarness();
        h.Workflow("ci", $$"""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      sleep {{tag}} >/dev/null 2>&1 &
                      setsid sleep {{tag + 1}} >/dev/null 2>&1 < /dev/null &
                  - run: |
                      for t in {{tag}} {{tag + 1}}; do
                        if pgrep -f "sleep $t" >/dev/null; then echo "$t still running"; else echo "$t gone"; fi
                      done
            """);
        var run = await h.RunAsync();

        Assert.True(run.Code == 0, run.Out + run.Err);
        Assert.Contains($"{tag} still running", run.Lines("build"));
        Assert.Contains($"{tag + 1} still running", run.Lines("build"));
        Assert.Empty(CancellationRunTests.ProcessesWith("sleep " + tag));
        Assert.Empty(CancellationRunTests.ProcessesWith("sleep " + (tag + 1)));
    }

    [Fact]
    public async Task RunnerTemp_IsTheSlotsFolder_EmptiedAfterEachJob_AndRemovedWithTheRun()
    {
        // One slot: both jobs run in it one after the other, as two jobs on one runner share its _work/_temp.
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              first:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      echo "temp=$RUNNER_TEMP ws=$GITHUB_WORKSPACE"
                      echo left > "$RUNNER_TEMP/left.txt"
                      mkdir "$RUNNER_TEMP/made" && touch "$RUNNER_TEMP/made/inside"
                      ln -s "$GITHUB_WORKSPACE" "$RUNNER_TEMP/link-to-workspace"
                      echo kept > "$GITHUB_WORKSPACE/kept.txt"
              second:
                needs: first
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      echo "temp=$RUNNER_TEMP"
                      find "$RUNNER_TEMP" -mindepth 1 ! -name '*.sh' ! -name '_github_workflow' ! -name '_runner_file_commands' \
                        ! -path "$GITHUB_EVENT_PATH" ! -path "$RUNNER_TEMP/_runner_file_commands/*" | sed 's/^/entry /'
            """);
        var run = await h.RunAsync("--parallel", "1");

        Assert.True(run.Code == 0, run.Out + run.Err);
        var firstLine = run.Lines("first").Single(l => l.StartsWith("temp=", StringComparison.Ordinal));
        var first = firstLine["temp=".Length..firstLine.IndexOf(" ws=", StringComparison.Ordinal)];
        var workspace = firstLine[(firstLine.IndexOf(" ws=", StringComparison.Ordinal) + 4)..];
        var second = run.Lines("second");
        Assert.Contains("temp=" + first, second);
        Assert.DoesNotContain(second, l => l.StartsWith("entry ", StringComparison.Ordinal));
        Assert.False(Directory.Exists(first), "the slot's temp folder goes with the run");
        Assert.True(File.Exists(Path.Combine(workspace, "kept.txt")), "the link in RUNNER_TEMP was removed, not what it pointed at");
    }

    [Fact]
    public async Task GHA_FILE_1_ASlotsNextJob_GetsTheSetsAnEarlierJobLeftEmpty_CheckedAndPlain_NeverOneItWroteTo()
    {
        // One slot. The first job's "clean" step writes nothing; "writes" writes an output and a summary (its set is
        // deleted at the job's end, so its content never reaches a later job); "breaks" removes, links and replaces
        // its files without writing to them (kept, then made anew when handed out). The second job's steps get the
        // kept sets back, each file empty and plain. The event file is written again when a step changed it, and an
        // unchanged one is the same file.
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              first:
                runs-on: ubuntu-latest
                steps:
                  - name: clean
                    run: echo "set clean $GITHUB_ENV $GITHUB_PATH $GITHUB_OUTPUT $GITHUB_STATE $GITHUB_STEP_SUMMARY"
                  - name: writes
                    run: |
                      echo "set writes $GITHUB_ENV $GITHUB_PATH $GITHUB_OUTPUT $GITHUB_STATE $GITHUB_STEP_SUMMARY"
                      echo "k=written-by-first" >> "$GITHUB_OUTPUT"
                      echo "## hi" >> "$GITHUB_STEP_SUMMARY"
                  - name: breaks
                    run: |
                      echo "set breaks $GITHUB_ENV $GITHUB_PATH $GITHUB_OUTPUT $GITHUB_STATE $GITHUB_STEP_SUMMARY"
                      rm "$GITHUB_ENV"
                      touch "$GITHUB_WORKSPACE/target" && rm "$GITHUB_PATH" && ln -s "$GITHUB_WORKSPACE/target" "$GITHUB_PATH"
                      rm "$GITHUB_STATE" && mkdir "$GITHUB_STATE"
                      echo '{}' > "$GITHUB_EVENT_PATH"
              second:
                needs: first
                runs-on: ubuntu-latest
                steps:
                  - run: &check |
                      echo "set check $GITHUB_ENV $GITHUB_PATH $GITHUB_OUTPUT $GITHUB_STATE $GITHUB_STEP_SUMMARY"
                      for f in "$GITHUB_ENV" "$GITHUB_PATH" "$GITHUB_OUTPUT" "$GITHUB_STATE" "$GITHUB_STEP_SUMMARY"; do
                        if [ -f "$f" ] && [ ! -L "$f" ] && [ ! -s "$f" ]; then echo "fresh"; else echo "stale $f"; fi
                      done
                      if grep -rq --exclude='*.sh' written-by-first "$RUNNER_TEMP"; then echo "leaked"; fi
                      echo "event $(grep -c '"ref"' "$GITHUB_EVENT_PATH") $(stat -c %i "$GITHUB_EVENT_PATH")"
                  - run: *check
              third:
                needs: second
                runs-on: ubuntu-latest
                steps:
                  - run: *check
            """);
        var run = await h.RunAsync("--parallel", "1");

        Assert.True(run.Code == 0, run.Out + run.Err);
        static Dictionary<string, string> Sets(IEnumerable<string> lines) => lines.Where(l => l.StartsWith("set ", StringComparison.Ordinal))
            .Select(l => l.Split(' ', 3)).GroupBy(p => p[1]).ToDictionary(g => g.Key, g => string.Join("|", g.Select(p => p[2])));
        var first = Sets(run.Lines("first"));
        var second = run.Lines("second").Where(l => l.StartsWith("set check ", StringComparison.Ordinal)).Select(l => l["set check ".Length..]).ToList();
        Assert.Equal(2, second.Count);
        Assert.Equal(new[] { first["clean"], first["breaks"] }.Order(StringComparer.Ordinal), second.Order(StringComparer.Ordinal));
        Assert.Equal(10, run.Lines("second").Count(l => l == "fresh"));
        Assert.DoesNotContain(run.Lines("second"), l => l.StartsWith("stale ", StringComparison.Ordinal) || l == "leaked");
        Assert.DoesNotContain("leaked", run.Lines("third"));
        var events = run.Lines("second").Concat(run.Lines("third")).Where(l => l.StartsWith("event ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.StartsWith("event 1 ", e, StringComparison.Ordinal)); // the payload again, not '{}'
        Assert.Single(events.Distinct()); // the third job found the second's event file unchanged: the same file
    }

    [Fact]
    public async Task StepLogs_AreOneFolderPerRun_EachFileNamedAfterItsJobRecord()
    {
        var h = new GitHubRunHarness();
        h.Workflow("ci", """
            on: push
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  - run: echo from-a
              b:
                runs-on: ubuntu-latest
                steps:
                  - run: echo from-b
            """);
        var run = await h.RunAsync();

        Assert.True(run.Code == 0, run.Out + run.Err);
        var logs = Assert.Single(Directory.GetDirectories(Path.Combine(run.StoreDir, "runs")), d => Directory.Exists(Path.Combine(d, "logs")));
        var folder = Path.Combine(logs, "logs");
        Assert.Empty(Directory.GetDirectories(folder));
        var files = Directory.GetFiles(folder).Select(Path.GetFileName).ToList();
        Assert.Equal(4, files.Count); // "Set up job" and the step, for each job
        Assert.Equal(2, files.Select(f => f![..f!.IndexOf('_', StringComparison.Ordinal)]).Distinct().Count());
        Assert.Contains(files, f => File.ReadAllText(Path.Combine(folder, f!)).Contains("from-a", StringComparison.Ordinal));
    }
}
