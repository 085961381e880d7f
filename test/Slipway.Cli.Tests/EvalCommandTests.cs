namespace Slipway.Cli.Tests;

/// <summary><c>slipway eval</c>, run in-process through CliApp.RunAsync.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("slipway-eval-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString().TrimEnd('\n'), stderr.ToString().TrimEnd('\n'));
    }

    private string Context(string json)
    {
        var path = Path.Combine(_dir, "context.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Theory]
    [InlineData("eq(1, 1)", "true")]
    [InlineData("'It''s OK'", "\"It's OK\"")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("1.2.3", "\"1.2.3\"")]
    [InlineData("split('a,b', ',')", "[\n  \"a\",\n  \"b\"\n]")]
    public async Task Eval_Azure_PrintsJson(string expression, string expected)
    {
        var (code, output, _) = await Run("eval", expression);
        Assert.Equal(0, code);
        Assert.Equal(expected, output);
    }

    [Fact]
    public async Task Eval_ContextKeysAreNamedValues()
    {
        var context = Context("""{"variables":{"Build.SourceBranch":"refs/heads/main"}}""");
        var (code, output, _) = await Run("eval", "--context", context, "eq(variables['Build.SourceBranch'], 'refs/heads/main')");
        Assert.Equal(0, code);
        Assert.Equal("true", output);
    }

    [Fact]
    public async Task Eval_GitHubDialect()
    {
        var context = Context("""{"github":{"event":{"labels":[{"name":"bug"}]}}}""");
        var (code, output, _) = await Run("eval", "--dialect", "gha", "--context", context, "contains(github.event.labels.*.name, 'BUG') && 'yes'");
        Assert.Equal(0, code);
        Assert.Equal("\"yes\"", output);
    }

    [Fact]
    public async Task Eval_ParseErrorGoesToStderrWithExit2()
    {
        var (code, output, error) = await Run("eval", "eq(null, '')");
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Equal("error SLW2002: Unrecognized value: 'null'. Located at position 4 within expression: eq(null, '').", error);
    }

    [Fact]
    public async Task Eval_EvaluationErrorGoesToStderrWithExit2()
    {
        var (code, _, error) = await Run("eval", "gt(1, 'abc')");
        Assert.Equal(2, code);
        Assert.Equal("error SLW2010: Unable to convert from String to Number. Value: 'abc'", error);
    }

    [Fact]
    public async Task Eval_BadContextFileIsReported()
    {
        var (code, _, error) = await Run("eval", "--context", Context("[1]"), "1");
        Assert.Equal(2, code);
        Assert.StartsWith("error SLW2020:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_UnknownDialectIsAUsageError()
    {
        var (code, _, error) = await Run("eval", "--dialect", "jenkins", "1");
        Assert.Equal(2, code);
        Assert.Contains("jenkins", error, StringComparison.Ordinal);
    }
}
