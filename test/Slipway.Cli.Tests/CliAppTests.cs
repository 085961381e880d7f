namespace Slipway.Cli.Tests;

public sealed class CliAppTests
{
    [Fact]
    public async Task UnknownCommand_ExitsWithUsageError()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["no-such-command"], stdout, stderr, CancellationToken.None);
        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Contains("no-such-command", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingNativeLibrary_IsAnInstallationProblem_NotABug()
    {
        // As SQLite's provider fails in the AOT executable: the load error under a reflection call under a type initializer.
        var failure = new TypeInitializationException("Microsoft.Data.Sqlite.SqliteConnection", new System.Reflection.TargetInvocationException(
            new DllNotFoundException("Unable to load shared library 'e_sqlite3' or one of its dependencies. In order to help diagnose loading problems, consider using a tool like strace.\n/x/libe_sqlite3.so: cannot open shared object file")));

        var lines = CliApp.DescribeFailure(failure);

        Assert.Equal("slipway: a native library could not be loaded: Unable to load shared library 'e_sqlite3' or one of its dependencies.", lines[0]);
        Assert.Contains("libe_sqlite3.so", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("bug", StringComparison.Ordinal));
    }

    [Fact]
    public void AnyOtherFailure_IsReportedAsABug_WithItsType()
    {
        var lines = CliApp.DescribeFailure(new InvalidOperationException("boom"));

        Assert.Equal("slipway: internal error: InvalidOperationException: boom", lines[0]);
        Assert.Contains("bug", lines[1], StringComparison.Ordinal);
    }
}
