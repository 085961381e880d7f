using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Slipway.Core.Expressions;
using Slipway.Core.Expressions.GitHub;
using Slipway.Core.Expressions.Values;
using static Slipway.Core.Tests.Expressions.ExpressionTestSupport;

namespace Slipway.Core.Tests.Expressions;

/// <summary>
/// Differential test against GitHub's own TypeScript engine (npm @actions/expressions, installed by test.sh
/// into test/fixtures/node): thousands of generated expressions must give the same kind and JSON value,
/// or fail at the same stage.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class GitHubDifferentialTests
{
    private const int Count = 10000;

    [Fact]
    public async Task GHA_EXPR_Differential_MatchesActionsExpressions()
    {
        var generator = new GitHubExpressionGenerator(seed: 7);
        var expressions = Enumerable.Range(0, Count).Select(_ => generator.Next()).ToList();
        var oracle = await RunOracleAsync(expressions);
        var context = ContextFromJson(GitHubExpressionGenerator.ContextJson);
        var options = new ExpressionParseOptions { NamedValues = context.Names.ToList() };
        var mismatches = new List<string>();
        for (var i = 0; i < expressions.Count; i++)
        {
            var ours = Describe(GitHubExpression.Parse(expressions[i], options), context);
            var theirs = DescribeOracle(oracle[i]);
            if (ours != theirs)
            {
                mismatches.Add($"{expressions[i]}\n    ours:   {ours}\n    theirs: {theirs}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {Count} differ:\n" + string.Join('\n', mismatches.Take(15)));
    }

    private static string Describe(ParseResult parsed, EvaluationContext context)
    {
        if (parsed.Expression is null)
        {
            return "error parse";
        }

        var result = parsed.Expression.Evaluate(context);
        if (result.Error is not null)
        {
            return "error evaluation";
        }

        return $"{Kind(result.Value)} {Canonical(result.Value)}";
    }

    private static string DescribeOracle(JsonElement line)
    {
        if (line.TryGetProperty("error", out var stage))
        {
            return $"error {stage.GetString()}";
        }

        var json = line.GetProperty("json").GetString()!;
        Assert.True(ValueJson.TryParse(json, out var value, out var error), error);
        return $"{line.GetProperty("kind").GetString()} {Canonical(value)}";
    }

    private static string Kind(ExpressionValue value) => value switch
    {
        NullValue => "Null",
        BooleanValue => "Boolean",
        NumberValue => "Number",
        ArrayValue => "Array",
        ObjectValue => "Object",
        _ => "String",
    };

    /// <summary>JSON as JavaScript's JSON.stringify writes it: -0 is 0, NaN and Infinity are null.</summary>
    private static string Canonical(ExpressionValue value) =>
        ValueJson.Write(value, indented: false, d => double.IsFinite(d) ? (d == 0 ? "0" : JsNumber.ToJsString(d)) : "null");

    private static async Task<List<JsonElement>> RunOracleAsync(List<string> expressions)
    {
        var fixtures = FindFixtures();
        Assert.True(Directory.Exists(Path.Combine(fixtures, "node_modules", "@actions", "expressions")),
            $"Run 'npm ci' in {fixtures} (test.sh does) to install the @actions/expressions oracle.");
        var start = new ProcessStartInfo("node", "expressions-oracle.mjs")
        {
            WorkingDirectory = fixtures,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        var contexts = JsonDocument.Parse(GitHubExpressionGenerator.ContextJson).RootElement;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        foreach (var expr in expressions)
        {
            await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(new { expr, contexts }));
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, await errors);
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expressions.Count, lines.Length);
        return lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
    }

    private static string FindFixtures()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Slipway.slnx")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "test", "fixtures", "node");
    }
}
