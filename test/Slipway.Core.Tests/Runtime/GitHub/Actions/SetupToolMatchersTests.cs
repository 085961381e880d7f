using Slipway.Core.Execution.Output;
using Slipway.Core.Execution.Output.ProblemMatchers;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.GitHub.Actions.WellKnown;
using Slipway.Core.Tests.Runtime.GitHub.Jobs;

namespace Slipway.Core.Tests.Runtime.GitHub.Actions;

/// <summary>The problem matchers the emulated setup actions register, as the real ones do with <c>##[add-matcher]</c>.</summary>
public sealed class SetupToolMatchersTests : IDisposable
{
    private readonly DirectoryInfo _workspace = Directory.CreateTempSubdirectory("slipway-setup-matchers-");

    public void Dispose() => _workspace.Delete(recursive: true);

    [Fact]
    public void SetupDotnet_Csc_CompilerErrorsWithTheFileUnderTheProject_NotMSBuildCodes()
    {
        var scanner = Scanner("dotnet");
        Touch("src/App/Program.cs");
        var project = Path.Combine(_workspace.FullName, "src", "App", "App.csproj");

        var error = Scan(scanner, $"Program.cs(12,5): error CS1002: ; expected [{project}]")!.Annotation;
        var warning = Scan(scanner, $"Program.cs(3,1,3,9): warning CS0168: The variable 'x' is declared but never used [{project}]");

        Assert.Equal((GitHubAnnotationLevel.Error, "src/App/Program.cs", 12, "CS1002", "; expected"), (error.Level, error.File, error.Line, error.Code, error.Message));
        Assert.Null(warning); // line, column, end line and end column: more numbers than setup-dotnet's pattern takes
        Assert.Null(Scan(scanner, $"/usr/share/dotnet/sdk/Microsoft.Common.targets(2413,5): warning MSB3277: Found conflicts [{project}]"));
    }

    [Fact]
    public void SetupNode_Tsc_WithAndWithoutTheMSBuildNodePrefix()
    {
        var scanner = Scanner("node");
        Touch("src/index.ts");

        var plain = Scan(scanner, "src/index.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.")!.Annotation;
        var prefixed = Scan(scanner, "  1>src/index.ts(4,1): warning TS6133: 'y' is declared but its value is never read.")!.Annotation;

        Assert.Equal(("src/index.ts", 3, 7, "TS2322", GitHubAnnotationLevel.Error), (plain.File, plain.Line, plain.Column, plain.Code, plain.Level));
        Assert.Equal("Type 'string' is not assignable to type 'number'.", plain.Message);
        Assert.Equal((4, GitHubAnnotationLevel.Warning), (prefixed.Line, prefixed.Level));
    }

    [Fact]
    public void SetupNode_EslintStylish_Loops_AndEslintCompactNeverMatches()
    {
        var scanner = Scanner("node");
        Touch("lib/a.js");

        Assert.Null(Scan(scanner, "lib/a.js"));
        var first = Scan(scanner, "  2:5  error  'x' is assigned a value but never used  no-unused-vars")!.Annotation;
        var compact = Scan(scanner, $"{_workspace.FullName}/lib/a.js: line 2, col 5, Error - 'x' is assigned a value but never used (no-unused-vars)");

        Assert.Equal(("lib/a.js", 2, 5, "no-unused-vars"), (first.File, first.Line, first.Column, first.Code));
        Assert.Null(compact); // setup-node ships this pattern wrapped in slashes: it matches nothing on GitHub either
    }

    [Fact]
    public void SetupJava_UncaughtException_AndPythonRegistersNone()
    {
        var scanner = Scanner("java");

        var exception = Scan(scanner, "Exception in thread \"main\" java.lang.IllegalStateException: boom")!.Annotation;

        Assert.Equal((GitHubAnnotationLevel.Error, "boom", "java.lang.IllegalStateException"), (exception.Level, exception.Message, exception.Code));
        Assert.Empty(SetupToolMatchers.For("python"));
    }

    [Fact]
    public async Task SetupNode_RegistersItsMatchersForLaterSteps_UntilRemoved()
    {
        using var harness = new JobHarness().WithActions();
        var result = await harness.RunAsync(JobHarness.Workflow("""
                  - uses: actions/setup-node@v4
                  - run: |
                      mkdir -p src && touch src/index.ts
                      echo "src/index.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'."
                  - run: |
                      echo "::remove-matcher owner=tsc::"
                      echo "src/index.ts(9,1): error TS2304: Cannot find name 'z'."
            """));

        Assert.Equal(RunResult.Succeeded, result.Result);
        var issue = Assert.Single(harness.Events.Issues, i => i.Message.Contains("TS", StringComparison.Ordinal) || i.Message.Contains("Type 'string'", StringComparison.Ordinal));
        Assert.Equal(("Type 'string' is not assignable to type 'number'.", "src/index.ts", 3), (issue.Message, issue.File, issue.Line));
    }

    private ProblemMatcherScanner Scanner(string tool)
    {
        var job = new ProblemMatcherSet();
        job.Add(SetupToolMatchers.For(tool));
        return new ProblemMatcherScanner(job, _workspace.FullName);
    }

    private static ProblemLine? Scan(ProblemMatcherScanner scanner, string line) => scanner.Scan(line, []);

    private void Touch(string relative)
    {
        var path = Path.Combine(_workspace.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Empty);
    }
}
