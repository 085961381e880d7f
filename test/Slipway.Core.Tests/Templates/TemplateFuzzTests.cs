using System.Text;
using Slipway.Core.Templates;

namespace Slipway.Core.Tests.Templates;

/// <summary>Random and mutated template trees never crash or hang the engine: bad input only gives diagnostics.</summary>
public sealed class TemplateFuzzTests : IDisposable
{
    private static readonly string[] Keys =
    [
        "steps", "jobs", "stages", "variables", "parameters", "template", "extends", "script", "job", "stage", "condition",
        "name", "type", "default", "values", "value", "pool", "${{ if eq(parameters.a, 1) }}", "${{ elseif true }}", "${{ else }}",
        "${{ each x in parameters.list }}", "${{ each p in parameters }}", "${{ insert }}", "${{ parameters.a }}", "${{ x }}",
        "${{ if x }}", "a-${{ if true }}", "${{ each y in split('a,b,c', ',') }}",
    ];

    private static readonly string[] Scalars =
    [
        "t1.yml", "t2.yml", "t3.yml", "/t1.yml", "t1.yml@self", "t2.yml@other", "${{ parameters.a }}", "${{ parameters.list }}",
        "${{ x }}", "${{ p.value }}", "a-${{ 1 }}-b", "${{", "}}", "${{ eq(1, }}", "${{ succeeded() }}", "${{ variables.v }}",
        "string", "number", "boolean", "object", "stepList", "jobList", "stageList", "step", "1", "true", "''", "[1, 2, 3]",
        "{ a: 1 }", "${{ convertToJson(parameters) }}", "${{ split(parameters.a, '') }}", "$(macro)", "$[ variables.a ]",
    ];

    private readonly TemplateWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void RandomTemplateTrees_NeverThrowOrHang()
    {
        var random = new Random(20260101);
        for (var i = 0; i < 150; i++)
        {
            _ws.Write("azure-pipelines.yml", RandomDocument(random))
               .Write("t1.yml", RandomDocument(random))
               .Write("t2.yml", RandomDocument(random))
               .Write("t3.yml", RandomDocument(random));
            ExpandWithinTimeLimit();
        }
    }

    [Fact]
    public void MutatedFixtures_NeverThrowOrHang()
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Templates", "Fixtures");
        var files = Directory.GetFiles(fixtures, "*.yml", SearchOption.AllDirectories);
        var random = new Random(7);
        for (var i = 0; i < 150; i++)
        {
            var text = Mutate(File.ReadAllText(files[random.Next(files.Length)]), random);
            _ws.Write("azure-pipelines.yml", text).Write("t1.yml", Mutate(File.ReadAllText(files[random.Next(files.Length)]), random));
            ExpandWithinTimeLimit();
        }
    }

    private void ExpandWithinTimeLimit()
    {
        var options = new TemplateOptions
        {
            Parameters = new Dictionary<string, string> { ["a"] = "1" },
            Repositories = new Dictionary<string, string> { ["other"] = _ws.Root },
            MaxExpandedBytes = 2 * 1024 * 1024,
        };
        var run = Task.Run(() => _ws.Expand(options: options));
        Assert.True(run.Wait(TimeSpan.FromSeconds(20)), "expansion did not finish within 20 s");
        Assert.NotNull(run.Result.Diagnostics);
    }

    private static string RandomDocument(Random random)
    {
        var sb = new StringBuilder();
        WriteMapping(sb, random, 0, depth: random.Next(1, 5));
        return sb.ToString();
    }

    private static void WriteMapping(StringBuilder sb, Random random, int indent, int depth)
    {
        var count = random.Next(1, 4);
        var used = new HashSet<string>();
        for (var i = 0; i < count; i++)
        {
            var key = Keys[random.Next(Keys.Length)];
            if (!used.Add(key))
            {
                continue;
            }

            sb.Append(' ', indent).Append(key).Append(':');
            WriteValue(sb, random, indent, depth);
        }
    }

    private static void WriteValue(StringBuilder sb, Random random, int indent, int depth)
    {
        var choice = depth <= 0 ? 0 : random.Next(3);
        if (choice == 0)
        {
            sb.Append(' ').Append(Scalars[random.Next(Scalars.Length)]).Append('\n');
        }
        else if (choice == 1)
        {
            sb.Append('\n');
            WriteMapping(sb, random, indent + 2, depth - 1);
        }
        else
        {
            sb.Append('\n');
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                sb.Append(' ', indent).Append("- ");
                if (random.Next(2) == 0)
                {
                    sb.Append(Scalars[random.Next(Scalars.Length)]).Append('\n');
                }
                else
                {
                    var inner = new StringBuilder();
                    WriteMapping(inner, random, indent + 2, depth - 1);
                    sb.Append(inner.ToString().TrimStart());
                }
            }
        }
    }

    private static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        for (var m = random.Next(1, 6); m > 0 && lines.Count > 0; m--)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(5))
            {
                case 0:
                    lines.RemoveAt(at);
                    break;
                case 1:
                    lines.Insert(at, lines[random.Next(lines.Count)]);
                    break;
                case 2:
                    lines[at] = "  " + lines[at];
                    break;
                case 3:
                    lines[at] = lines[at].Replace("}}", "}", StringComparison.Ordinal).Replace("parameters.", "parameters.x", StringComparison.Ordinal);
                    break;
                default:
                    lines[at] = lines[at] + " ${{ " + Keys[random.Next(Keys.Length)].Trim('$', '{', '}', ' ') + " }}";
                    break;
            }
        }

        return string.Join('\n', lines);
    }
}
