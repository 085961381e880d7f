using System.Diagnostics;
using System.Text;
using System.Text.Json;
using FsCheck.Xunit;
using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Azure;
using Slipway.Core.Expressions.GitHub;
using static Slipway.Core.Tests.Expressions.ExpressionTestSupport;

namespace Slipway.Core.Tests.Expressions;

/// <summary>Random and mutated expressions never throw out of Parse/Evaluate and never hang (both dialects).</summary>
public sealed class ExpressionFuzzTests
{
    private const string Symbols = "()[],.*!=<>&|'-+0123456789abcxyzTFEe _\t\n";

    private static readonly EvaluationContext Context = ContextFromJson("""
        {"variables":{"a":"x","b.c":"y","num":"42","empty":"","ver":"2.10.1"},
         "parameters":{"list":["alpha","beta"],"nums":[1,2,3],"obj":{"k":"v","n":5},"flag":false},
         "github":{"event":{"labels":[{"name":"bug"}]},"ref":"refs/heads/main"},"matrix":{"os":["a",{"b":[1,{"c":null}]}]}}
        """);

    private static readonly ExpressionParseOptions Options = new()
    {
        NamedValues = Context.Names.ToList(),
        AllowStatusFunctions = true,
        AllowCounter = true,
        AllowHashFiles = true,
    };

    private static void ParseAndEvaluate(string text)
    {
        foreach (var result in new[] { AzureExpression.Parse(text, Options), GitHubExpression.Parse(text, Options) })
        {
            Assert.True(result.Expression is not null || result.Diagnostics.Count > 0);
            var evaluation = result.Expression?.Evaluate(Context);
            Assert.True(evaluation is null || evaluation.Succeeded || evaluation.Error is not null);
        }
    }

    [Property(MaxTest = 2000)]
    public void Fuzz_RandomStringsNeverThrow(string? text) => ParseAndEvaluate(text ?? string.Empty);

    [Property(MaxTest = 2000)]
    public void Fuzz_RandomSymbolSoupNeverThrows(int[] picks)
    {
        var sb = new StringBuilder();
        foreach (var pick in picks ?? [])
        {
            sb.Append(Symbols[Math.Abs(pick % Symbols.Length)]);
        }

        ParseAndEvaluate(sb.ToString());
    }

    [Fact]
    public async Task Fuzz_MutatedConformanceExpressionsNeverThrowOrHang()
    {
        var corpus = LoadCorpus();
        var random = new Random(20240607);
        var watch = Stopwatch.StartNew();
        var work = Task.Run(() =>
        {
            for (var i = 0; i < 20000; i++)
            {
                ParseAndEvaluate(Mutate(corpus[random.Next(corpus.Count)], random));
            }
        });
        await work.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Fuzz_HostileNestingIsRejectedNotOverflowed()
    {
        foreach (var text in new[]
        {
            new string('(', 20000),
            string.Concat(Enumerable.Repeat("not(", 5000)),
            "variables" + string.Concat(Enumerable.Repeat(".a", 10000)),
            "github" + string.Concat(Enumerable.Repeat("[0]", 6000)),
            new string('!', 20000) + "true",
            "format('" + string.Concat(Enumerable.Repeat("{0}", 300)) + "', format('" + string.Concat(Enumerable.Repeat("{0}", 300)) + "', 'xxxxxxxxxx'))",
        })
        {
            ParseAndEvaluate(text);
        }
    }

    private static List<string> LoadCorpus()
    {
        var corpus = File.ReadAllLines(ConformancePath("azure-pipelines", "expressions.tsv"))
            .Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')[0]).ToList();
        foreach (var path in Directory.GetFiles(ConformancePath("github-actions", "expressions"), "*.json"))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            corpus.AddRange(doc.RootElement.EnumerateObject().Where(g => g.Value.ValueKind == JsonValueKind.Array)
                .SelectMany(g => g.Value.EnumerateArray()).Select(c => c.GetProperty("expr").GetString()!));
        }

        return corpus;
    }

    private static string Mutate(string text, Random random)
    {
        var sb = new StringBuilder(text);
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var at = sb.Length == 0 ? 0 : random.Next(sb.Length);
            switch (random.Next(4))
            {
                case 0 when sb.Length > 0:
                    sb.Remove(at, 1);
                    break;
                case 1:
                    sb.Insert(at, Symbols[random.Next(Symbols.Length)]);
                    break;
                case 2 when sb.Length > 0:
                    var length = random.Next(1, Math.Min(12, sb.Length - at) + 1);
                    sb.Insert(at, sb.ToString(at, length));
                    break;
                default:
                    sb.Insert(at, "'");
                    break;
            }
        }

        return sb.ToString();
    }
}
