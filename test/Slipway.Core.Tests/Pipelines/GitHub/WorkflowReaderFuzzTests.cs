using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Slipway.Core.Pipelines.GitHub;

namespace Slipway.Core.Tests.Pipelines.GitHub;

/// <summary>Random and mutated workflow text never makes the reader throw or hang: every problem is an error value.</summary>
[Collection(HeavyGitHubTests.Name)]
public sealed class WorkflowReaderFuzzTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private static readonly string[] Fragments =
    [
        "${{", "}}", "${{ }}", "${{ github.x }}", "${{ insert }}", ":", ": ", "- ", "\n", "\n  ", "\t", "[", "]", "{", "}", ",",
        "'", "\"", "&a ", "*a", "!!str ", "!!int ", "|", ">-", "#", "~", "null", "true", "0x1F", ".inf", "needs: [a, b]",
        "uses: ./x", "uses: docker://", "if: ", "matrix:", "include:", "jobs:", "on:", "steps:", "run: x", "__a", "---\n",
    ];

    private static readonly string[] Seeds = LoadSeeds();

    private static string[] LoadSeeds()
    {
        var root = AppContext.BaseDirectory;
        var cases = Directory.GetFiles(Path.Combine(root, "Conformance", "github-actions", "workflow-parser"), "*.yml")
            .Select(f => File.ReadAllText(f).Split("\n---\n")[1]);
        var fixtures = Directory.GetFiles(Path.Combine(root, "Pipelines", "GitHub", "Fixtures", ".github", "workflows"), "*.yml")
            .Select(File.ReadAllText);
        return cases.Concat(fixtures).ToArray();
    }

    private static async Task ReadsWithoutThrowing(string text)
    {
        var read = Task.Run(() => WorkflowReader.ReadText(text, ".github/workflows/fuzz.yml"));
        var result = await read.WaitAsync(Limit);
        Assert.True(result.Workflow is not null || result.Errors.Count > 0, "A result has either a workflow or errors.");
    }

    [Fact]
    public async Task GHA_WF_Fuzz_MutatedWorkflowsNeverThrowOrHang()
    {
        var random = new Random(20261129);
        foreach (var seed in Seeds)
        {
            for (var i = 0; i < 12; i++)
            {
                await ReadsWithoutThrowing(Mutate(seed, random));
            }
        }
    }

    [Property(MaxTest = 300)]
    public Property GHA_WF_Fuzz_RandomTextNeverThrows() =>
        Prop.ForAll(Arb.From(Gen.ArrayOf(Gen.Elements(Fragments.Concat(["a", "b", " ", "x: y", "- z"]).ToArray())).Select(parts => string.Concat(parts))),
            text =>
            {
                var result = WorkflowReader.ReadText(text, ".github/workflows/fuzz.yml");
                return result.Workflow is not null || result.Errors.Count > 0;
            });

    [Fact]
    public async Task GHA_WF_Fuzz_DeepNestingIsAnErrorNotACrash()
    {
        var deep = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: y\n        env:\n          k: " + new string('[', 5000) + new string(']', 5000);
        await ReadsWithoutThrowing(deep);
        await ReadsWithoutThrowing("on: push\njobs: " + string.Concat(Enumerable.Repeat("{a: ", 3000)));
    }

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var at = builder.Length == 0 ? 0 : random.Next(builder.Length);
            switch (random.Next(5))
            {
                case 0:
                    builder.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 1 when builder.Length > 0:
                    builder.Remove(at, Math.Min(random.Next(1, 40), builder.Length - at));
                    break;
                case 2:
                    builder.Length = at;
                    break;
                case 3 when builder.Length > 0:
                    var line = text.Split('\n')[random.Next(text.Split('\n').Length)];
                    builder.Insert(at, line + "\n");
                    break;
                default:
                    builder.Insert(at, (char)random.Next(0, 0x2FF));
                    break;
            }
        }

        return builder.ToString();
    }
}
