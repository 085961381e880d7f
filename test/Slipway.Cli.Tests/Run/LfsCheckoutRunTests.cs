using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Slipway.Cli.Tests.Run.GitHub;
using Slipway.Tests;

namespace Slipway.Cli.Tests.Run;

/// <summary>
/// Checkout with <c>lfs</c> against a real Git LFS repository built here with the git-lfs that test.sh provisions
/// (AZP-STEP-11; actions/checkout <c>lfs</c>). The repository is a local folder: git-lfs reads its objects from
/// <c>.git/lfs/objects</c> with its standalone file transfer, no server. With <c>lfs: true</c> the workspace holds
/// the real file; with <c>lfs: false</c> it holds the pointer file (Git LFS spec: version, oid sha256, size).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class LfsCheckoutRunTests
{
    private const string Content = "REAL-LFS-CONTENT-0123456789";

    private const string AzurePipeline = """
        jobs:
        - job: WithLfs
          steps:
          - checkout: self
            lfs: true
          - bash: cat data.bin; echo
        - job: WithoutLfs
          steps:
          - checkout: self
            lfs: false
          - bash: cat data.bin
        """;

    /// <summary>The pointer Git LFS commits for <see cref="Content"/> (docs/spec.md of git-lfs).</summary>
    private static readonly string PointerOid = "oid sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Content)));

    [Fact]
    public async Task AZP_STEP_11_CheckoutSelf_LfsTrueHasTheContent_LfsFalseThePointer()
    {
        ProvisionedTools.Require("git-lfs");
        var harness = new RunHarness();
        harness.Write("azure-pipelines.yml", AzurePipeline); // committed, so the run sees a clean repository
        MakeLfsRepository(harness.Dir, harness.Write);
        var run = await harness.RunAsync(AzurePipeline);

        Assert.Equal(0, run.Code);
        Assert.Contains(Content, run.Lines("WithLfs"));
        Assert.DoesNotContain(run.Lines("WithLfs"), l => l.StartsWith("version https://git-lfs", StringComparison.Ordinal));
        var without = run.Lines("WithoutLfs");
        Assert.Contains("version https://git-lfs.github.com/spec/v1", without);
        Assert.Contains(PointerOid, without);
        Assert.Contains($"size {Content.Length}", without);
        Assert.DoesNotContain(Content, without);
    }

    [Fact]
    public async Task GitHubCheckout_LfsTrueHasTheContent_LfsFalseThePointer()
    {
        ProvisionedTools.Require("git-lfs");
        var h = new GitHubRunHarness();
        MakeLfsRepository(h.Dir, h.Write);
        h.Workflow("ci", """
            on: push
            jobs:
              with-lfs:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                    with:
                      lfs: true
                  - run: cat data.bin; echo
              without-lfs:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: cat data.bin
            """);
        var run = await h.RunAsync();

        Assert.Equal(0, run.Code);
        Assert.Contains(Content, run.Lines("with-lfs"));
        var without = run.Lines("without-lfs");
        Assert.Contains("version https://git-lfs.github.com/spec/v1", without);
        Assert.Contains(PointerOid, without);
        Assert.DoesNotContain(Content, without);
    }

    /// <summary>A git repository whose <c>*.bin</c> files are tracked by Git LFS, with one committed <c>data.bin</c>.</summary>
    private static void MakeLfsRepository(string dir, Func<string, string, string> write)
    {
        Git(dir, "init", "-q", "-b", "main");
        Git(dir, "lfs", "install", "--local");
        Git(dir, "lfs", "track", "*.bin");
        write("data.bin", Content);
        Git(dir, "add", "-A");
        Git(dir, "-c", "user.name=Test User", "-c", "user.email=test@example.com", "commit", "-q", "-m", "lfs");
        Assert.Equal(Content, File.ReadAllText(Path.Combine(dir, "data.bin")));
        Assert.Contains(PointerOid, Git(dir, "cat-file", "-p", "HEAD:data.bin"), StringComparison.Ordinal);
    }

    private static string Git(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEnd();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"git {string.Join(' ', args)}: {stderr}");
        return stdout;
    }
}
