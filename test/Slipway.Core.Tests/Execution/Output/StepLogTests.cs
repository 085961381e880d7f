using Slipway.Core.Execution.Output;
using Slipway.Core.Masking;

namespace Slipway.Core.Tests.Execution.Output;

public sealed class StepLogTests
{
    [Fact]
    public void LOG_LinesAreMaskedBeforeAnySinkSeesThem()
    {
        var masker = SecretMasker.ForGitHubActions();
        masker.AddValue("s3cr3t-value");
        using var console = new StringWriter();
        var path = Path.Combine(Directory.CreateTempSubdirectory("slw-log").FullName, "step.log");
        using var file = FileLogSink.Create(path);
        var log = new StepLog(masker, [new ConsoleLogSink(console), file]);

        log.WriteLine("token is s3cr3t-value here");
        log.WriteLine("plain");
        log.Flush();

        Assert.Equal("token is *** here\nplain\n", console.ToString().ReplaceLineEndings("\n"));
        Assert.Equal("token is *** here\nplain\n", File.ReadAllText(path));
        Assert.Equal(2, log.LinesWritten);
        Assert.Empty(log.Problems);
    }

    [Fact]
    public void LOG_FileIsBufferedUntilFlush()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("slw-log").FullName, "step.log");
        using var file = FileLogSink.Create(path);

        file.WriteLine("one");
        Assert.Equal(0, new FileInfo(path).Length);

        file.Flush();
        Assert.Equal("one\n", File.ReadAllText(path));
    }

    [Fact]
    public void LOG_RealDiskFull_DevFull_BecomesAWarningAndNeverThrows()
    {
        using var file = FileLogSink.Create("/dev/full");
        var log = new StepLog(SecretMasker.ForAzurePipelines(), [file]);

        for (var i = 0; i < 100_000; i++)
        {
            log.WriteLine($"line {i} with some text to fill the buffer quickly");
        }

        log.Flush();

        var problem = Assert.Single(log.Problems);
        Assert.Equal("SLW6010", problem.Code);
        Assert.False(problem.IsError);
        Assert.Contains("/dev/full", problem.Message, StringComparison.Ordinal);
        Assert.True(file.Failed);
    }

    [Fact]
    public void LOG_DiskFullThroughTheStreamSeam_KeepsOtherSinksWorking()
    {
        using var console = new StringWriter();
        using var file = new FileLogSink(new FullDiskStream(capacity: 100), "steps/build.log");
        var log = new StepLog(SecretMasker.ForGitHubActions(), [file, new ConsoleLogSink(console)]);

        for (var i = 0; i < 10; i++)
        {
            log.WriteLine(new string('x', 50));
            log.Flush();
        }

        Assert.Single(log.Problems);
        Assert.Contains("No space left on device", log.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(10, console.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("steps/build.log: warning SLW6010: " + log.Problems[0].Message, log.Problems[0].ToString());
    }

    /// <summary>A stream over a device with room for <c>capacity</c> bytes.</summary>
    private sealed class FullDiskStream(int capacity) : Stream
    {
        private long _written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _written;

        public override long Position { get => _written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (_written + count > capacity)
            {
                throw new IOException("No space left on device");
            }

            _written += count;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
