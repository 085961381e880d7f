namespace Slipway.Cli.Tests.Run.GitHub;

/// <summary>Problem matchers through <c>slipway run</c>: registered by a step and by a JavaScript action, applied to later steps, removed.</summary>
public sealed class ProblemMatcherRunTests
{
    [Fact]
    public async Task CMD_2_AddMatcher_LaterStepsOutput_BecomesAnnotationsInTheReportAndSummary()
    {
        var h = new GitHubRunHarness();
        h.Write(".github/matchers/gcc.json", Fixture("gcc.json"));
        h.Write(".github/actions/eslint/eslint-stylish.json", Fixture("eslint-stylish.json"));
        h.Write(".github/actions/eslint/action.yml", "runs:\n  using: node20\n  main: main.js\n");
        h.Write(".github/actions/eslint/main.js", "console.log(`::add-matcher::${require('path').join(__dirname, 'eslint-stylish.json')}`);\n");
        h.Write("src/main.c", "int main(void) { int x; return 0; }\n");
        h.Write("web/app.js", "addOne();\n");
        h.Workflow("ci", """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: echo "::add-matcher::.github/matchers/gcc.json"
                  - uses: ./.github/actions/eslint
                  - name: Compile
                    run: |
                      echo "src/main.c:1:22: warning: unused variable 'x' [-Wunused-variable]"
                      echo "/etc/hostname:1:1: error: not in the repository"
                      echo "web/app.js"
                      echo "  1:1  error  'addOne' is not defined  no-undef"
                      echo "✖ 1 problem (1 error, 0 warnings)"
                  - run: echo "::remove-matcher owner=gcc::"
                  - run: |
                      echo "src/main.c:2:1: error: after removal"
            """);

        var run = await h.RunAsync("--plain");

        // Annotations, also error ones, do not fail a step.
        Assert.True(run.Code == 0, run.Out + run.Err);
        var issues = run.Issues().ToList();
        var warning = Assert.Single(issues, i => i.GetProperty("message").GetString() == "unused variable 'x' [-Wunused-variable]");
        Assert.Equal(("Warning", "src/main.c", 1, 22), (warning.GetProperty("type").GetString(), warning.GetProperty("file").GetString(), warning.GetProperty("line").GetInt32(), warning.GetProperty("column").GetInt32()));
        var outside = Assert.Single(issues, i => i.GetProperty("message").GetString() == "not in the repository");
        Assert.False(outside.TryGetProperty("file", out var file) && file.ValueKind == System.Text.Json.JsonValueKind.String);
        var eslint = Assert.Single(issues, i => i.GetProperty("message").GetString() == "'addOne' is not defined");
        Assert.Equal(("Error", "web/app.js", 1, "no-undef"), (eslint.GetProperty("type").GetString(), eslint.GetProperty("file").GetString(), eslint.GetProperty("line").GetInt32(), eslint.GetProperty("code").GetString()));
        Assert.DoesNotContain(issues, i => i.GetProperty("message").GetString() == "after removal");
        Assert.Contains("##[warning]src/main.c:1:22: warning: unused variable 'x' [-Wunused-variable]", run.AllLogs(), StringComparison.Ordinal);
        Assert.Contains("src/main.c(1,22): warning", run.Out + run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CMD_2_AddMatcher_InvalidFile_FailsTheStep_WithTheRunnersMessage()
    {
        var h = new GitHubRunHarness();
        h.Write("bad.json", """{"problemMatcher":[{"owner":"x","pattern":[{"regexp":"^(.+)$","file":1}]}]}""");
        h.Workflow("ci", """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: echo "::add-matcher::bad.json"
            """);

        var run = await h.RunAsync("--plain");

        Assert.Equal(1, run.Code);
        Assert.Contains(run.Issues(), i => i.GetProperty("message").GetString() == "At least one pattern must set 'message'" && i.GetProperty("code").GetString() == "SLW8600");
        Assert.Contains(run.Issues(), i => i.GetProperty("message").GetString() == "Unable to process command '::add-matcher::bad.json' successfully.");
    }

    private static string Fixture(string name)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var path = Path.Combine(d.FullName, "test", "fixtures", "problem-matchers", name);
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException(name);
    }
}
