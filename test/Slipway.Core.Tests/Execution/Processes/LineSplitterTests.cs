using Slipway.Core.Execution.Processes;

namespace Slipway.Core.Tests.Execution.Processes;

public sealed class LineSplitterTests
{
    [Theory]
    [InlineData("a\nb\n", new[] { "a", "b" })]
    [InlineData("a\r\nb", new[] { "a", "b" })]
    [InlineData("a\rb\r", new[] { "a", "b" })]
    [InlineData("\n\n", new[] { "", "" })]
    [InlineData("a\r\n\r\nb", new[] { "a", "", "b" })]
    public void PROC_Lines_EndAtLfCrOrCrLfLikeReadLine(string text, string[] expected)
    {
        Assert.Equal(expected, Split(text, chunk: text.Length, max: 100));
        Assert.Equal(expected, Split(text, chunk: 1, max: 100));
        Assert.Equal(ReadLineReference(text), expected);
    }

    [Fact]
    public void PROC_Lines_CrLfSplitAcrossChunksIsOneTerminator()
    {
        Assert.Equal(["a", "b"], Split("a\r\nb", chunk: 2, max: 100));
    }

    [Fact]
    public void PROC_Lines_LongerThanCapAreSplit()
    {
        Assert.Equal(["abc", "def", "g", "h"], Split("abcdefg\nh", chunk: 2, max: 3));
    }

    private static List<string> Split(string text, int chunk, int max)
    {
        var splitter = new LineSplitter(max);
        var lines = new List<string>();
        for (var i = 0; i < text.Length; i += chunk)
        {
            splitter.Push(text.AsSpan(i, Math.Min(chunk, text.Length - i)), lines);
        }

        splitter.Complete(lines);
        return lines;
    }

    private static List<string> ReadLineReference(string text)
    {
        using var reader = new StringReader(text);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
