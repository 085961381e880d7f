using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Slipway.Core.Pipelines.GitHub;
using Slipway.Core.Yaml;

namespace Slipway.Core.Tests.Pipelines.GitHub;

/// <summary>
/// Runs every case of GitHub's shared workflow-parser test data (actions/languageservices
/// <c>workflow-parser/testdata/reader</c>): the parse result, written in the same JSON shape, must equal
/// the expected JSON (or the expected error list with GitHub's exact messages). Cases Slipway does not
/// match yet are listed in <c>workflow-parser-skipped.txt</c> with a reason; a listed case that starts
/// passing fails too, so the list stays honest.
/// </summary>
[Collection(HeavyGitHubTests.Name)]
public sealed partial class WorkflowParserConformanceTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Conformance", "github-actions");

    public static TheoryData<string> Cases() => new(CaseNames());

    private static List<string> CaseNames() =>
        Directory.GetFiles(Path.Combine(Root, "workflow-parser"), "*.yml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void GHA_WF_Conformance_AllCasesPresent() => Assert.Equal(195, CaseNames().Count);

    [Fact]
    public void GHA_WF_Conformance_SkipListNamesExistingCases()
    {
        var cases = CaseNames().ToHashSet(StringComparer.Ordinal);
        Assert.All(Skipped().Keys, name => Assert.Contains(name, cases));
        Assert.All(Skipped().Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GHA_WF_Conformance(string name)
    {
        var (actual, expected) = Run(name);
        var matches = JsonNode.DeepEquals(actual, expected);
        if (Skipped().TryGetValue(name, out var reason))
        {
            Assert.False(matches, $"'{name}' now passes; remove it from the skip list (it was skipped because: {reason}).");
            return;
        }

        Assert.True(matches, $"{name} differs. Expected:\n{expected?.ToJsonString(Indented)}\nActual:\n{actual.ToJsonString(Indented)}");
    }

    private static readonly System.Text.Json.JsonSerializerOptions Indented = new() { WriteIndented = true, MaxDepth = 1024 };

    internal static (JsonNode Actual, JsonNode? Expected) Run(string name)
    {
        var docs = DocumentSeparator().Split(File.ReadAllText(Path.Combine(Root, "workflow-parser", name)));
        var header = YamlLoader.Load(docs[0], name, YamlLoadOptions.GitHubActions).Root as YamlMapping;
        var skip = (header?["skip"] as YamlSequence)?.Items.OfType<YamlScalar>().Select(s => s.Value.ToUpperInvariant()).ToList() ?? [];
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        if (name.Contains("reusable", StringComparison.Ordinal))
        {
            for (var i = 2; i < docs.Length - 1; i += 2)
            {
                files[docs[i]] = docs[i + 1];
            }
        }

        var options = new WorkflowReaderOptions
        {
            FileProvider = header?["skip-reusable-workflows"] is YamlScalar { Value: "true" }
                ? null
                : reference => files.TryGetValue(reference, out var text) ? new WorkflowFileLookup(text) : WorkflowFileLookup.NotFound,
            PermissionsPolicy = (header?["permissions-policy"] as YamlScalar)?.Value,
            AllowBackgroundSteps = (header?["experimental-features"] as YamlMapping)?["allowBackgroundSteps"] is YamlScalar { Value: "true" },
            MaxDepth = Number(header, "max-depth") ?? 50,
            MaxFileSize = Number(header, "max-file-size") ?? 1024 * 1024,
            MaxJobLimit = Number(header, "max-job-limit") ?? 0,
            MaxReusableWorkflowDepth = header?["max-nested-reusable-workflows-depth"] is YamlScalar depth ? int.Parse(depth.Value, System.Globalization.CultureInfo.InvariantCulture) : 4,
        };
        var result = WorkflowReader.ReadText(docs[1], ".github/workflows/" + name, options);
        var includeEvents = skip.Contains("GO") && skip.Contains("C#");
        var includeSource = header?["include-source"] is YamlScalar { Value: "true" };
        return (WorkflowJson.Write(result, includeEvents, includeSource), JsonNode.Parse(docs[^1].Trim(), documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 1024 }));
    }

    private static int? Number(YamlMapping? header, string key) =>
        header?[key] is YamlScalar value ? int.Parse(value.Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static Dictionary<string, string> Skipped()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(Root, "workflow-parser-skipped.txt")))
        {
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var cut = text.IndexOf(' ', StringComparison.Ordinal);
            result[cut < 0 ? text : text[..cut]] = cut < 0 ? string.Empty : text[cut..].Trim().TrimStart('#', '-', ' ');
        }

        return result;
    }

    [GeneratedRegex(@"\r?\n---\r?\n")]
    private static partial Regex DocumentSeparator();
}
