using FsCheck.Xunit;
using Slipway.Core.Diagnostics;
using Slipway.Core.Pipelines.Azure.Schema;
using Slipway.Core.Planning.Rendering;
using Slipway.Core.Yaml;

namespace Slipway.Core.Tests.Pipelines;

/// <summary>Random damage to real pipelines never crashes or hangs the compiler: it always answers, with diagnostics when broken.</summary>
public sealed class FuzzTests
{
    private static readonly string[] Sources = [.. Directory.GetFiles(RepoPaths.Examples, "*.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    private static readonly string[] Tokens =
        ["", "~", "[]", "{}", "- x", "true", "-1", "$(x)", "$[ x ]", "deploy", "none", ": :", "'", "\"", "*", "&a", "*a", "\t", "steps:", "jobs:", "- job:", "stage:", "dependsOn: X", "99999999999"];

    [Property(MaxTest = 300)]
    public void AZP_RUN_1_MutatedExamples_NeverThrow(int seed)
    {
        var random = new Random(seed);
        var lines = Sources[random.Next(Sources.Length)].Split('\n').ToList();
        var mutations = random.Next(1, 6);
        for (var i = 0; i < mutations && lines.Count > 0; i++)
        {
            Mutate(lines, random);
        }

        var result = Azure.Compile(string.Join('\n', lines));
        Assert.True(result.Plan is not null || result.Diagnostics.Any(d => d.IsError), "no plan and no error");
    }

    private static readonly string[] Keys =
        [.. typeof(AzureKeys).GetFields().Where(f => f.FieldType == typeof(string[])).SelectMany(f => (string[])f.GetValue(null)!).Distinct(), "junk", "template"];

    /// <summary>Random trees built from the schema's own keys reach deep into the dialect; none may crash it.</summary>
    [Property(MaxTest = 400)]
    public void AZP_RUN_1_RandomTreesOfSchemaKeys_NeverThrow(int seed)
    {
        var random = new Random(seed);
        var root = new YamlMapping(
            [new YamlEntry(Scalar(random.Next(3) switch { 0 => "stages", 1 => "jobs", _ => "steps" }), RandomNode(random, 0)),
             .. Enumerable.Range(0, random.Next(4)).Select(_ => new YamlEntry(Scalar(Keys[random.Next(Keys.Length)]), RandomNode(random, 1)))],
            SourceLocation.None);
        var result = Azure.Compile(NodeTextWriter.ToYaml(root));
        Assert.True(result.Plan is not null || result.Diagnostics.Any(d => d.IsError), "no plan and no error");
    }

    private static YamlScalar Scalar(string text) => new(text, ScalarStyle.Plain, SourceLocation.None);

    private static YamlNode RandomNode(Random random, int depth)
    {
        var kind = depth > 5 ? 0 : random.Next(3);
        if (kind == 0)
        {
            return Scalar(Tokens[random.Next(Tokens.Length)].Trim(':', '-', ' ', '&', '*', '\t', '\'', '"'));
        }

        if (kind == 1)
        {
            return new YamlSequence([.. Enumerable.Range(0, random.Next(4)).Select(_ => RandomNode(random, depth + 1))], SourceLocation.None);
        }

        var keys = Enumerable.Range(0, random.Next(1, 6)).Select(_ => Keys[random.Next(Keys.Length)]).Distinct(StringComparer.OrdinalIgnoreCase);
        return new YamlMapping([.. keys.Select(k => new YamlEntry(Scalar(k), RandomNode(random, depth + 1)))], SourceLocation.None);
    }

    [Fact]
    public void AZP_DEP_1_ManyStagesWithBrokenDependencies_FinishQuickly()
    {
        var yaml = new System.Text.StringBuilder("stages:\n");
        for (var i = 0; i < 3000; i++)
        {
            yaml.Append("- stage: Stage_").Append(i).Append("\n  dependsOn: Missing_").Append(i).Append("\n  jobs:\n  - job: J\n    steps:\n    - script: x\n");
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = Azure.Compile(yaml.ToString());
        watch.Stop();
        Assert.Equal(3000, result.Diagnostics.Count(d => d.Code == Slipway.Core.Pipelines.Azure.AzureDiagnosticCodes.DependsOnMissing));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), $"took {watch.Elapsed}"); // a guard against runaway (quadratic) work, not a benchmark
    }

    private static void Mutate(List<string> lines, Random random)
    {
        var at = random.Next(lines.Count);
        switch (random.Next(7))
        {
            case 0:
                lines.RemoveAt(at);
                break;
            case 1:
                lines.Insert(at, lines[random.Next(lines.Count)]);
                break;
            case 2:
                (lines[at], lines[random.Next(lines.Count)]) = (lines[random.Next(lines.Count)], lines[at]);
                break;
            case 3:
                lines[at] = new string(' ', random.Next(0, 8)) + lines[at].TrimStart();
                break;
            case 4:
                var colon = lines[at].IndexOf(':', StringComparison.Ordinal);
                lines[at] = colon < 0 ? Tokens[random.Next(Tokens.Length)] : lines[at][..(colon + 1)] + " " + Tokens[random.Next(Tokens.Length)];
                break;
            case 5:
                lines[at] = lines[at][..random.Next(lines[at].Length + 1)];
                break;
            default:
                lines.Insert(at, new string(' ', random.Next(0, 8)) + Tokens[random.Next(Tokens.Length)]);
                break;
        }
    }
}
