using Slipway.Core.Diagnostics;
using Slipway.Core.Templates;
using Slipway.Core.Yaml;

namespace Slipway.Core.Tests.Templates;

/// <summary>A throw-away repository folder with pipeline files, expanded with <see cref="TemplateExpander"/>.</summary>
internal sealed class TemplateWorkspace : IDisposable
{
    public TemplateWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "slipway-templates-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, ".git"));
    }

    public string Root { get; }

    public TemplateWorkspace Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var normalized = text.ReplaceLineEndings("\n");
        File.WriteAllText(path, normalized.EndsWith('\n') ? normalized : normalized + "\n");
        return this;
    }

    public TemplateResult Expand(string rootFile = "azure-pipelines.yml", TemplateOptions? options = null) =>
        TemplateExpander.Expand(Path.Combine(Root, rootFile), (options ?? TemplateOptions.Default) with { RepositoryRoot = Root });

    /// <summary>Expands and asserts that there were no diagnostics at all.</summary>
    public YamlMapping ExpandClean(string rootFile = "azure-pipelines.yml", TemplateOptions? options = null)
    {
        var result = Expand(rootFile, options);
        Assert.True(result.Diagnostics.Count == 0, string.Join('\n', result.Diagnostics));
        return Assert.IsType<YamlMapping>(result.Root);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>Small path queries over expanded trees: <c>stages[0].jobs[1].steps[2].script</c>.</summary>
internal static class Tree
{
    public static YamlNode? At(YamlNode? node, string path)
    {
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part;
            var index = -1;
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                name = part[..bracket];
                index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            }

            if (name.Length > 0)
            {
                node = (node as YamlMapping)?[name];
            }

            if (index >= 0)
            {
                node = node is YamlSequence s && index < s.Items.Count ? s.Items[index] : null;
            }
        }

        return node;
    }

    public static string Text(YamlNode? node, string path) =>
        Assert.IsType<YamlScalar>(At(node, path)).Value;

    public static IReadOnlyList<YamlNode> Items(YamlNode? node, string path) =>
        Assert.IsType<YamlSequence>(At(node, path)).Items;

    /// <summary>The value of key <paramref name="key"/> of every item of the sequence at <paramref name="path"/>.</summary>
    public static List<string> Values(YamlNode? node, string path, string key) =>
        [.. Items(node, path).Select(i => ((i as YamlMapping)?[key] as YamlScalar)?.Value ?? "<none>")];

    public static Diagnostic Single(TemplateResult result, string code)
    {
        var errors = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(errors.Count == 1, $"expected one {code}, got:\n" + string.Join('\n', result.Diagnostics));
        return errors[0];
    }
}
