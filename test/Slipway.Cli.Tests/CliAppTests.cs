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
}
