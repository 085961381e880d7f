using System.Text;
using Slipway.Core.Templates;

namespace Slipway.Core.Tests.Templates;

public sealed class TemplateLimitTests : IDisposable
{
    private readonly TemplateWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private void WriteChain(int length)
    {
        _ws.Write("azure-pipelines.yml", "steps:\n- template: t1.yml\n");
        for (var i = 1; i <= length; i++)
        {
            _ws.Write($"t{i}.yml", i < length ? $"steps:\n- template: t{i + 1}.yml\n" : "steps:\n- script: bottom\n");
        }
    }

    [Fact]
    public void AZP_TPL_3_HundredNestedTemplates_AreAllowed()
    {
        WriteChain(100);
        var root = _ws.ExpandClean();
        Assert.Equal("bottom", Tree.Text(root, "steps[0].script"));
    }

    [Fact]
    public void AZP_TPL_3_TC57_HundredAndOneNestedTemplates_IsAnErrorNamingTheLimit()
    {
        WriteChain(101);
        var d = Tree.Single(_ws.Expand(), TemplateDiagnosticCodes.TooDeep);
        Assert.Contains("more than 100 levels", d.Message, StringComparison.Ordinal);
        Assert.Equal(("t100.yml", 2, 13), (d.Location.File, d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void AZP_TPL_3_TC57_HundredAndOneDistinctFiles_IsAnErrorNamingTheLimit()
    {
        var root = new StringBuilder("steps:\n");
        for (var i = 1; i <= 101; i++)
        {
            root.Append("- template: f").Append(i).Append(".yml\n");
            _ws.Write($"f{i}.yml", $"steps:\n- script: f{i}\n");
        }

        _ws.Write("azure-pipelines.yml", root.ToString());
        var result = _ws.Expand();
        var d = Tree.Single(result, TemplateDiagnosticCodes.TooManyFiles);
        Assert.Contains("More than 100 template files", d.Message, StringComparison.Ordinal);
        Assert.Equal(102, d.Location.Line);
        Assert.Equal(100, Tree.Items(result.Root, "steps").Count);
    }

    [Fact]
    public void AZP_TPL_3_HundredDistinctFiles_AreAllowed()
    {
        var root = new StringBuilder("steps:\n");
        for (var i = 1; i <= 100; i++)
        {
            root.Append("- template: f").Append(i).Append(".yml\n");
            _ws.Write($"f{i}.yml", $"steps:\n- script: f{i}\n");
        }

        _ws.Write("azure-pipelines.yml", root.ToString());
        Assert.Equal(100, Tree.Items(_ws.ExpandClean(), "steps").Count);
    }

    [Fact]
    public void AZP_TPL_3_ExpandedSizeOverTheLimit_IsAnErrorAndStops()
    {
        _ws.Write("azure-pipelines.yml", """
            parameters:
            - name: n
              type: object
              default: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
            steps:
            - ${{ each a in parameters.n }}:
              - ${{ each b in parameters.n }}:
                - ${{ each c in parameters.n }}:
                  - script: echo a fairly long line of text ${{ a }} ${{ b }} ${{ c }}
            """);
        var result = _ws.Expand(options: new TemplateOptions { MaxExpandedBytes = 10_000 });
        var d = Tree.Single(result, TemplateDiagnosticCodes.TooLarge);
        Assert.Contains("larger than the limit", d.Message, StringComparison.Ordinal);
        Assert.True(Tree.Items(result.Root, "steps").Count < 1000);
    }

    [Fact]
    public void AZP_TPL_3_SelfInclusionWithTheSameParameters_IsRecursionWithTheChain()
    {
        _ws.Write("azure-pipelines.yml", "steps:\n- template: a.yml\n")
           .Write("a.yml", "steps:\n- template: b.yml\n")
           .Write("b.yml", "steps:\n- script: x\n- template: a.yml\n");
        var d = Tree.Single(_ws.Expand(), TemplateDiagnosticCodes.Recursion);
        Assert.Contains("azure-pipelines.yml -> a.yml -> b.yml -> a.yml", d.Message, StringComparison.Ordinal);
        Assert.Equal(("b.yml", 3, 13), (d.Location.File, d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void AZP_TPL_3_RecursionWithAnExpressionError_EndsWithDiagnostics()
    {
        _ws.Write("azure-pipelines.yml", "steps:\n- template: count.yml\n  parameters:\n    n: 3\n")
           .Write("count.yml", """
            parameters:
            - name: n
              type: number
            steps:
            - script: echo ${{ parameters.n }}
            - ${{ if gt(parameters.n, 1) }}:
              - template: count.yml
                parameters:
                  n: ${{ format('{0}', sub(parameters.n, 1)) }}
            """);
        var result = _ws.Expand();

        // sub() does not exist in Azure Pipelines: the error ends the recursion instead of a hang.
        Assert.Contains(result.Diagnostics, d => d.Code.StartsWith("SLW2", StringComparison.Ordinal));
    }

    [Fact]
    public void AZP_TPL_3_RecursionOverAShrinkingList_ExpandsAndStops()
    {
        _ws.Write("azure-pipelines.yml", "steps:\n- template: pop.yml\n  parameters:\n    items: [a, b, c]\n")
           .Write("pop.yml", """
            parameters:
            - name: items
              type: object
            steps:
            - ${{ each item in parameters.items }}:
              - script: echo ${{ item }} of ${{ length(parameters.items) }}
            - ${{ if gt(length(parameters.items), 1) }}:
              - template: pop.yml
                parameters:
                  items: ${{ split(replace(join(',', parameters.items), format('{0},', parameters.items[0]), ''), ',') }}
            """);
        var root = _ws.ExpandClean();
        Assert.Equal(
            ["echo a of 3", "echo b of 3", "echo c of 3", "echo b of 2", "echo c of 2", "echo c of 1"],
            Tree.Values(root, "steps", "script"));
    }
    [Fact]
    public async Task DeeplyNestedDocumentsAcrossTemplates_StopWithAnErrorInsteadOfOverflowingTheStack()
    {
        // Each file nests 100 conditional blocks and includes the next file at the bottom.
        _ws.Write("azure-pipelines.yml", "steps:\n- template: d1.yml\n");
        for (var i = 1; i <= 15; i++)
        {
            var deep = new StringBuilder("steps:\n");
            var indent = 0;
            for (var level = 0; level < 100; level++)
            {
                deep.Append(' ', indent).Append("- ${{ if true }}:\n");
                indent += 2;
            }

            deep.Append(' ', indent).Append(i < 15 ? $"- template: d{i + 1}.yml\n" : "- script: bottom\n");
            _ws.Write($"d{i}.yml", deep.ToString());
        }

        var result = await Task.Run(() => _ws.Expand()).WaitAsync(TimeSpan.FromSeconds(30));
        var d = Tree.Single(result, TemplateDiagnosticCodes.TooDeep);
        Assert.Contains("more than 1000 levels", d.Message, StringComparison.Ordinal);
    }
}
