using Slipway.Core.Runs;
using Slipway.Core.Runtime.GitHub.Jobs;

namespace Slipway.Core.Tests.Runtime.GitHub.Jobs;

/// <summary>GHA-STEP-4: how a <c>run</c> step's script is started (test cases W10-W13).</summary>
public sealed class RunStepShellTests
{
    [Fact]
    public async Task W10_DefaultShell_IsBashWithoutPipefail()
    {
        using var harness = new JobHarness();
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      false | true
                      echo "opts=$-"
            """);

        Assert.Equal(RunResult.Succeeded, result.Result);
        Assert.Contains(harness.Output, l => l.StartsWith("shell: ", StringComparison.Ordinal) && l.EndsWith("bash -e {0}", StringComparison.Ordinal));
        Assert.Contains(harness.Output, l => l.StartsWith("opts=", StringComparison.Ordinal) && l.Contains('e', StringComparison.Ordinal));
    }

    [Fact]
    public async Task W11_ShellBash_UsesPipefail()
    {
        using var harness = new JobHarness();
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: false | true
                    shell: bash
            """);

        Assert.Equal(RunResult.Failed, result.Result);
        Assert.Contains(harness.Output, l => l.EndsWith("bash --noprofile --norc -e -o pipefail {0}", StringComparison.Ordinal));
        Assert.Contains("Process completed with exit code 1.", harness.Output);
    }

    [Fact]
    public async Task W12_ShellWithoutPlaceholder_IsInvalid_AndFormatStringWorks()
    {
        using var harness = new JobHarness();
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - id: bad
                    run: print "never\n";
                    shell: perl
                    continue-on-error: true
                  - run: print "perl says hi\n";
                    shell: perl {0}
            """);

        Assert.Equal(RunResult.Succeeded, result.Result);
        Assert.Contains(harness.Events.Issues, i => i.Message == ScriptShell.InvalidShellMessage && i.Code == JobRunnerDiagnosticCodes.InvalidShell);
        Assert.Contains("perl says hi", harness.Output);
        Assert.DoesNotContain("never", harness.Output);
    }

    [Fact]
    public void W13_Pwsh_CommandLineAndScriptFixUps()
    {
        var (shell, error, _) = ScriptShell.Resolve("pwsh", p => "/opt/microsoft/powershell/7/" + p);

        Assert.Null(error);
        Assert.Equal(["-command", ". '/tmp/x.ps1'"], shell!.Arguments("/tmp/x.ps1"));
        Assert.Equal(".ps1", shell.Extension);
        var fixedUp = shell.FixUp("cmd /c exit 3").Split(Environment.NewLine);
        Assert.Equal("$ErrorActionPreference = 'stop'", fixedUp[0]);
        Assert.Equal(@"if ((Test-Path -LiteralPath variable:\LASTEXITCODE)) { exit $LASTEXITCODE }", fixedUp[^1]);
    }

    /// <summary>The step's PATH has no pwsh (test.sh provisions one for the other tests, PowerShellRunTests).</summary>
    [Fact]
    public async Task W13_Pwsh_NotInstalled_FailsNamingPwsh()
    {
        using var harness = new JobHarness();
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: cmd /c exit 3
                    shell: pwsh
                    env:
                      PATH: /nonexistent
            """);

        Assert.Equal(RunResult.Failed, result.Result);
        Assert.Contains(harness.Events.Issues, i => i.Code == JobRunnerDiagnosticCodes.ShellNotFound && i.Message.StartsWith("pwsh: command not found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task STEP_4_ShAndPython_Run()
    {
        using var harness = new JobHarness();
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo "from sh"
                    shell: sh
                  - run: print("from " + "python")
                    shell: python
            """);

        Assert.Equal(RunResult.Succeeded, result.Result);
        Assert.Contains(harness.Output, l => l.StartsWith("shell: ", StringComparison.Ordinal) && l.EndsWith("sh -e {0}", StringComparison.Ordinal));
        Assert.Contains("from sh", harness.Output);
        Assert.Contains("from python", harness.Output);
    }

    [Fact]
    public void STEP_4_CustomShell_SplitsProgramAndFormat()
    {
        var (shell, error, _) = ScriptShell.Resolve("bash -x {0}", p => "/usr/bin/" + p);

        Assert.Null(error);
        Assert.Equal("/usr/bin/bash -x {0}", shell!.Display);
        Assert.Equal(["-x", "/tmp/s"], shell.Arguments("/tmp/s"));
        Assert.Equal(".sh", shell.Extension);
    }

    [Fact]
    public async Task STEP_4_DisplayName_IsRunAndTheFirstLine()
    {
        using var harness = new JobHarness();
        await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: |

                      echo first
                      echo second
                  - name: Named ${{ github.event_name }}
                    run: echo x
            """);

        Assert.Equal(RunResult.Succeeded, harness.Step("Run echo first").Result);
        Assert.Equal(RunResult.Succeeded, harness.Step("Named push").Result);
    }
}
