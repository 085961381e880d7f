using Slipway.Core.Execution.Processes;
using static Slipway.Core.Tests.Execution.Processes.ProcessTestHelpers;

namespace Slipway.Core.Tests.Execution.Processes;

public sealed class ProcessRunnerTests
{
    [Fact]
    public async Task PROC_Output_StdoutAndStderrLinesArriveWithTheirStream()
    {
        var (result, lines) = await RunAsync(Bash("echo one; echo two >&2; echo three; exit 3"));

        Assert.Equal(3, result.ExitCode);
        Assert.False(result.Canceled);
        Assert.False(result.TimedOut);
        Assert.Equal(["one", "three"], lines.Where(l => l.Stream == OutputStream.StandardOutput).Select(l => l.Text));
        Assert.Equal(["two"], lines.Where(l => l.Stream == OutputStream.StandardError).Select(l => l.Text));
    }

    [Fact]
    public async Task PROC_Environment_IsExplicitNothingInherited()
    {
        var spec = Bash("echo \"foo=$FOO home=${HOME:-unset}\"") with
        {
            Environment = new Dictionary<string, string>(MinimalEnvironment) { ["FOO"] = "bar" },
        };

        var (_, lines) = await RunAsync(spec);

        Assert.Equal("foo=bar home=unset", Assert.Single(lines).Text);
    }

    [Fact]
    public async Task PROC_WorkingDirectory_IsUsed()
    {
        var dir = Directory.CreateTempSubdirectory("slw-wd").FullName;

        var (_, lines) = await RunAsync(Bash("pwd", dir));

        Assert.Equal(dir, Assert.Single(lines).Text);
    }

    [Fact]
    public async Task PROC_Stdin_IsClosedSoReadersSeeEndOfFile()
    {
        var (result, lines) = await RunAsync(Bash("cat; echo done"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("done", Assert.Single(lines).Text);
    }

    [Fact]
    public async Task PROC_InvalidUtf8_BecomesReplacementCharacters()
    {
        var (_, lines) = await RunAsync(Bash(@"printf 'a\xffb\xc3\xa9\n'"));

        Assert.Equal("a\uFFFDb\u00E9", Assert.Single(lines).Text);
    }

    [Fact]
    public async Task PROC_BinaryGarbage_IsReadWithoutFailing()
    {
        var (result, lines) = await RunAsync(Bash("head -c 200000 /dev/urandom; echo; echo end"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("end", lines[^1].Text);
    }

    [Fact]
    public async Task PROC_TenMegabyteLine_IsSplitAtTheCapInLinearTime()
    {
        var spec = Bash("head -c 10485760 /dev/zero | tr '\\0' x; echo; echo after");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (_, lines) = await RunAsync(spec);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.Equal(11, lines.Count);
        Assert.All(lines.Take(10), l => Assert.Equal(ProcessSpec.DefaultMaxLineLength, l.Text.Length));
        Assert.Equal("after", lines[10].Text);
    }

    [Fact]
    public async Task PROC_MissingProgram_IsAResultNotAnException()
    {
        var spec = Bash("true") with { FileName = "no-such-program-slw" };

        var (result, _) = await RunAsync(spec);

        Assert.False(result.Started);
        Assert.Contains("no-such-program-slw", result.StartError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PROC_MissingWorkingDirectory_IsAResultNotAnException()
    {
        var (result, _) = await RunAsync(Bash("true", "/no/such/dir/slw"));

        Assert.False(result.Started);
        Assert.Contains("/no/such/dir/slw", result.StartError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PROC_Duration_IsMeasured()
    {
        var (result, _) = await RunAsync(Bash("sleep 0.3"));

        Assert.True(result.Duration >= TimeSpan.FromMilliseconds(250), result.Duration.ToString());
    }
}
