using System.Text.RegularExpressions;
using Slipway.Core.Execution.Output;
using Slipway.Core.Execution.Output.ProblemMatchers;
using Slipway.Core.Tests.Pipelines;

namespace Slipway.Core.Tests.Execution.Output.ProblemMatchers;

/// <summary>Problem matchers as actions/runner's IssueMatcher and OutputManager apply them (actions/toolkit docs/problem-matchers.md).</summary>
public sealed class ProblemMatcherTests : IDisposable
{
    private readonly DirectoryInfo _workspace = Directory.CreateTempSubdirectory("slipway-matchers-");

    public void Dispose() => _workspace.Delete(recursive: true);

    [Fact]
    public void SingleLine_Gcc_GivesFileLineColumnSeverityAndMessage()
    {
        var scanner = Scanner("gcc.json");
        Touch("src/main.c");

        var (problem, _) = Scan(scanner, "src/main.c:12:5: warning: unused variable 'x' [-Wunused-variable]");

        var a = problem!.Annotation;
        Assert.Equal(GitHubAnnotationLevel.Warning, a.Level);
        Assert.Equal("unused variable 'x' [-Wunused-variable]", a.Message);
        Assert.Equal(("src/main.c", 12, 5), (a.File, a.Line, a.Column));
        Assert.Null(Scan(scanner, "gcc -c src/main.c").Problem);
    }

    [Fact]
    public void Loop_EslintStylish_OneAnnotationPerLine_FileCarriedFromTheFirstLine()
    {
        // The example of docs/problem-matchers.md: two annotations; the summary line ends the loop.
        var scanner = Scanner("eslint-stylish.json");
        Touch("test.js");

        Assert.Null(Scan(scanner, "test.js").Problem);
        var first = Scan(scanner, "  1:0   error  Missing \"use strict\" statement                 strict").Problem!.Annotation;
        var second = Scan(scanner, "  5:10  error  'addOne' is defined but never used             no-unused-vars").Problem!.Annotation;
        Assert.Null(Scan(scanner, "✖ 2 problems (2 errors, 0 warnings)").Problem);

        Assert.Equal(("test.js", 1, 0, "strict"), (first.File, first.Line, first.Column, first.Code));
        Assert.Equal("Missing \"use strict\" statement", first.Message.TrimEnd());
        Assert.Equal(("test.js", 5, 10, "no-unused-vars"), (second.File, second.Line, second.Column, second.Code));
        Assert.Equal(GitHubAnnotationLevel.Error, second.Level);
    }

    [Fact]
    public void Loop_UnsupportedSeverity_IsSkippedWithADebugMessage()
    {
        var scanner = Scanner("eslint-stylish.json");
        Scan(scanner, "test.js");

        var (problem, issues) = Scan(scanner, "  3:1  info  Just so you know  some-rule");

        Assert.Null(problem);
        Assert.Contains(issues, i => i.Message == "Skipped logging an issue for the matched line because the severity 'info' is not supported.");
    }

    [Fact]
    public void MultiLine_WithoutLoop_NeedsConsecutiveLines_AndEndsAfterOneIssue()
    {
        var scanner = Inline("""{"problemMatcher":[{"owner":"two","pattern":[{"regexp":"^FILE (.+)$","file":1},{"regexp":"^MSG (.+)$","message":1}]}]}""");

        Scan(scanner, "FILE a.txt");
        Assert.Null(Scan(scanner, "something else").Problem);
        Assert.Null(Scan(scanner, "MSG lost").Problem);

        Scan(scanner, "FILE a.txt");
        Assert.Equal("found", Scan(scanner, "MSG found").Problem!.Annotation.Message);
        Assert.Null(Scan(scanner, "MSG again").Problem);
    }

    [Fact]
    public void Severity_DefaultsToError_OrTheMatchersSeverity()
    {
        Assert.Equal(GitHubAnnotationLevel.Error, Scan(Inline("""{"problemMatcher":[{"owner":"a","pattern":[{"regexp":"^oops (.+)$","message":1}]}]}"""), "oops x").Problem!.Annotation.Level);
        Assert.Equal(GitHubAnnotationLevel.Notice, Scan(Inline("""{"problemMatcher":[{"owner":"b","severity":"notice","pattern":[{"regexp":"^oops (.+)$","message":1}]}]}"""), "oops x").Problem!.Annotation.Level);
    }

    [Fact]
    public void Csc_FromPath_RootsTheFile_AndALookbehindFallsBackToTheTimedEngine()
    {
        var scanner = Scanner("csc.json");
        Touch("src/App/Program.cs");
        var project = Path.Combine(_workspace.FullName, "src", "App", "App.csproj");

        var a = Scan(scanner, $"Program.cs(7,13): warning CS0168: The variable 'e' is declared but never used [{project}]").Problem!.Annotation;

        Assert.Equal(("src/App/Program.cs", 7, "CS0168", GitHubAnnotationLevel.Warning), (a.File, a.Line, a.Code, a.Level));
        Assert.Null(Scan(scanner, $"x.targets(1,1): error MSB3073: exited [{project}]").Problem);
        Assert.NotEqual(Regex.InfiniteMatchTimeout, ProblemMatcher.Compile("(?<!MSB)\\d+", TimeSpan.FromSeconds(1)).MatchTimeout);
        Assert.True(ProblemMatcher.Compile("^(.*?):(\\d+)$", TimeSpan.FromSeconds(1)).Options.HasFlag(RegexOptions.NonBacktracking));
    }

    [Fact]
    public void Tsc_LocationIsNotAField_SoOnlyFileSeverityCodeAndMessage()
    {
        var scanner = Scanner("tsc.json");
        Touch("src/index.ts");

        var a = Scan(scanner, "src/index.ts(4,7): error TS2322: Type 'string' is not assignable to type 'number'.").Problem!.Annotation;

        Assert.Equal<(string?, int?, string?)>(("src/index.ts", null, "TS2322"), (a.File, a.Line, a.Code));
        Assert.Equal("Type 'string' is not assignable to type 'number'.", a.Message);
    }

    [Fact]
    public void Files_OutsideTheWorkspaceOrMissing_AreDropped_TheIssueStays()
    {
        var scanner = Scanner("gcc.json");
        var outside = Path.Combine(Path.GetTempPath(), "slipway-outside-" + Guid.NewGuid().ToString("N") + ".c");
        File.WriteAllText(outside, "int x;");
        try
        {
            var (problem, issues) = Scan(scanner, $"{outside}:1:1: error: outside");
            Assert.Null(problem!.Annotation.File);
            Assert.Contains(issues, i => i.Message == $"Dropping file value '{outside}'. Path is not under the workflow repo.");

            (problem, issues) = Scan(scanner, "missing.c:1:1: error: gone");
            Assert.Equal<(string, string?)>(("gone", null), (problem!.Annotation.Message, problem.Annotation.File));
            Assert.Contains(issues, i => i.Message.StartsWith("Dropping file value", StringComparison.Ordinal) && i.Message.EndsWith("Path does not exist", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void ColorCodes_AreStrippedBeforeMatching()
    {
        var scanner = Scanner("gcc.json");

        var problem = Scan(scanner, "\u001b[1ma.c:3:4: \u001b[35mwarning:\u001b[0m careful").Problem;

        Assert.Equal(("careful", "a.c:3:4: warning: careful"), (problem!.Annotation.Message, problem.Line));
    }

    [Fact]
    public void SameOwner_Replaces_RemoveByOwnerOrFile_LaterStepsSeeTheJobsMatchers()
    {
        var job = new ProblemMatcherSet();
        var step1 = new ProblemMatcherScanner(job, _workspace.FullName);
        var issues = new List<CommandIssue>();
        Assert.True(step1.Add("::add-matcher::", Write("m1.json", """{"problemMatcher":[{"owner":"Same","pattern":[{"regexp":"^one (.+)$","message":1}]}]}"""), issues));
        Assert.True(step1.Add("::add-matcher::", Write("m2.json", """{"problemMatcher":[{"owner":"same","pattern":[{"regexp":"^two (.+)$","message":1}]}]}"""), issues));
        Assert.Contains(issues, i => i.Message == "Added matchers: 'same'. Problem matchers scan action output for known warning or error strings and report these inline.");

        var step2 = new ProblemMatcherScanner(job, _workspace.FullName);
        Assert.Null(Scan(step2, "one x").Problem);
        Assert.NotNull(Scan(step2, "two x").Problem);

        Assert.True(step2.Remove("::remove-matcher::", null, "m2.json", issues));
        Assert.Null(Scan(step2, "two x").Problem);
        Assert.Empty(job.Matchers);
    }

    [Theory]
    [InlineData("""{"problemMatcher":[{"pattern":[{"regexp":"(x)","message":1}]}]}""", "Owner must not be empty")]
    [InlineData("""{"problemMatcher":[{"owner":"o","severity":"fatal","pattern":[{"regexp":"(x)","message":1}]}]}""", "Matcher 'o' contains unexpected default severity 'fatal'")]
    [InlineData("""{"problemMatcher":[{"owner":"o","pattern":[]}]}""", "Matcher 'o' does not contain any patterns")]
    [InlineData("""{"problemMatcher":[{"owner":"o","pattern":[{"regexp":"(x)","message":1,"loop":true}]}]}""", "Only the last pattern in a multiline matcher may set 'loop'")]
    [InlineData("""{"problemMatcher":[{"owner":"o","pattern":[{"regexp":"(x)","file":1},{"regexp":"(y)","loop":true}]}]}""", "The loop pattern must set 'message'")]
    [InlineData("""{"problemMatcher":[{"owner":"o","pattern":[{"regexp":"(x)","message":2}]}]}""", "The property 'message' is set to 2 which is out of range")]
    [InlineData("""{"problemMatcher":[{"owner":"o","pattern":[{"regexp":"(x)","file":1},{"regexp":"(y)","file":1,"message":1}]}]}""", "The property 'file' is set twice")]
    [InlineData("""{"problemMatcher":[{"owner":"o","pattern":[{"regexp":"(x)","file":1}]}]}""", "At least one pattern must set 'message'")]
    [InlineData("""{"problemMatcher":[{"owner":"o","pattern":[{"regexp":"(x)","message":1}]},{"owner":"O","pattern":[{"regexp":"(x)","message":1}]}]}""", "Duplicate owner name 'O'")]
    public void Validation_FailsTheCommand_WithTheRunnersMessage(string json, string message)
    {
        var scanner = new ProblemMatcherScanner(new ProblemMatcherSet(), _workspace.FullName);
        var issues = new List<CommandIssue>();

        Assert.False(scanner.Add("::add-matcher::bad.json", Write("bad.json", json), issues));

        Assert.Equal(["Unable to process command '::add-matcher::bad.json' successfully.", message], issues.Select(i => i.Message));
        Assert.All(issues, i => Assert.Equal((CommandIssueSeverity.Error, ProblemMatcherDiagnosticCodes.InvalidMatcherFile), (i.Severity, i.Code)));
    }

    [Fact]
    public void MissingFile_FailsTheCommand()
    {
        var issues = new List<CommandIssue>();

        Assert.False(new ProblemMatcherScanner(new ProblemMatcherSet(), _workspace.FullName).Add("::add-matcher::nope.json", "nope.json", issues));

        Assert.Equal($"Could not find file '{Path.Combine(_workspace.FullName, "nope.json")}'.", issues[1].Message);
    }

    private static (ProblemLine? Problem, List<CommandIssue> Issues) Scan(ProblemMatcherScanner scanner, string line)
    {
        var issues = new List<CommandIssue>();
        return (scanner.Scan(line, issues), issues);
    }

    private ProblemMatcherScanner Scanner(string fixture)
    {
        var scanner = new ProblemMatcherScanner(new ProblemMatcherSet(), _workspace.FullName);
        var issues = new List<CommandIssue>();
        Assert.True(scanner.Add("::add-matcher::", Path.Combine(RepoPaths.Root, "test", "fixtures", "problem-matchers", fixture), issues), string.Join("\n", issues));
        return scanner;
    }

    private ProblemMatcherScanner Inline(string json)
    {
        var scanner = new ProblemMatcherScanner(new ProblemMatcherSet(), _workspace.FullName);
        Assert.True(scanner.Add("::add-matcher::", Write("inline.json", json), []));
        return scanner;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_workspace.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private void Touch(string relative)
    {
        var path = Path.Combine(_workspace.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Empty);
    }
}
