using Slipway.Core.Masking;
using Slipway.Core.Runs;

namespace Slipway.Core.Tests.Runtime.GitHub.Jobs;

/// <summary>GHA-SEC-1..3: secrets and their encodings never reach the log files, the store, events or outputs.</summary>
public sealed class JobMaskingTests
{
    [Fact]
    public async Task SEC_1_SEC_2_SecretAndEncodings_MaskedInLogFilesAndStore()
    {
        using var harness = new JobHarness();
        var result = await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                env:
                  S: ${{ secrets.MY_SECRET }}
                steps:
                  - name: Use ${{ secrets.MY_SECRET }}
                    run: |
                      echo "plain=$S"
                      echo "b64=$(printf '%s' "$S" | base64)"
                      echo "json=$(printf '%s' "$S" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read())[1:-1])')"
                      echo "uri=$(printf '%s' "$S" | python3 -c 'import urllib.parse,sys; print(urllib.parse.quote(sys.stdin.read(), safe=""))')"
                      echo "::warning::leak $S"
                      echo "k=$S" >> "$GITHUB_OUTPUT"
                      echo "summary $S" >> "$GITHUB_STEP_SUMMARY"
                      exit 1
            """);

        Assert.Equal(RunResult.Failed, result.Result);
        Assert.Contains("plain=***", harness.Output);
        Assert.Contains("b64=***", harness.Output);
        Assert.Contains("json=***", harness.Output);
        Assert.Contains("uri=***", harness.Output);
        Assert.Contains(harness.Events.Issues, i => i.Message == "leak ***");
        Assert.Contains(harness.Steps, s => s.Node.DisplayName == "Use ***");
        foreach (var form in new[] { JobHarness.Secret, SecretEncoders.Base64(JobHarness.Secret), SecretEncoders.UriDataEscape(JobHarness.Secret) })
        {
            Assert.DoesNotContain(form, harness.LogFiles, StringComparison.Ordinal);
            Assert.DoesNotContain(form, harness.StoreBytes, StringComparison.Ordinal);
            Assert.DoesNotContain(form, harness.OutputText, StringComparison.Ordinal);
        }

        await using var store = await RunStore.OpenAsync(harness.StoreDirectory, TimeProvider.System, CancellationToken.None);
        var issues = await store.GetIssuesAsync(harness.RunId, CancellationToken.None);
        Assert.Contains(issues, i => i.Message == "leak ***");
        var records = await store.GetRecordsAsync(harness.RunId, CancellationToken.None);
        Assert.Contains(records, r => r.DisplayName == "Use ***");
    }

    [Fact]
    public async Task SEC_3_GitHubToken_IsASecret_NotInTheEnvironment()
    {
        using var harness = new JobHarness();
        await harness.RunAsync("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      echo "env=[${GITHUB_TOKEN:-none}] mapped=[$MAPPED]"
                      test "$MAPPED" = "${{ github.token }}" && echo same
                    env:
                      MAPPED: ${{ secrets.GITHUB_TOKEN }}
            """);

        Assert.Contains("env=[none] mapped=[***]", harness.Output);
        Assert.Contains("same", harness.Output);
    }

    [Theory]
    [InlineData("abcdef&", "abcdef&", "")]
    [InlineData("abcdef&+ghijklm", "abcdef&+", "hijklm")]
    [InlineData("abc&def&", "abc&def&", "")]
    [InlineData("ab&", "", "")]
    [InlineData("secretpart1&secretpart2", "secretpart1&", "secretpart2")]
    public void SEC_2_PowerShellAmpersandPieces(string secret, string pre, string post)
    {
        Assert.Equal(pre, SecretEncoders.PowerShellPreAmpersandEscape(secret));
        Assert.Equal(post, SecretEncoders.PowerShellPostAmpersandEscape(secret));
        var masker = SecretMasker.ForGitHubActions();
        masker.AddValue(secret);
        if (pre.Length > 0)
        {
            Assert.Equal("[***]", masker.Mask($"[{pre}]"));
        }
    }
}
