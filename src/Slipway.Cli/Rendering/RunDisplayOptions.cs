namespace Slipway.Cli.Rendering;

internal enum RunOutputFormat
{
    /// <summary>The live view or the plain log, then the summary.</summary>
    Human,

    /// <summary>The JSON report on standard output; the human view goes to standard error.</summary>
    Json,
}

internal enum RunViewKind
{
    Live,
    Plain,
}

/// <summary>What the user asked to see: <c>--plain</c>, <c>--output json</c>, <c>--report FILE</c>.</summary>
internal sealed record RunDisplayOptions
{
    public RunOutputFormat Output { get; init; } = RunOutputFormat.Human;

    /// <summary><c>--plain</c>: the line log even on a terminal.</summary>
    public bool Plain { get; init; }

    /// <summary><c>--report FILE</c>: also write the JSON report there.</summary>
    public string? ReportFile { get; init; }

    /// <summary>
    /// Set when the command writes one report for several runs (<see cref="Core.Runtime.Reporting.RunReportsJson"/>):
    /// the finished report goes here instead of to standard output and the report file.
    /// </summary>
    public Action<Core.Runtime.Reporting.RunReport>? Collect { get; init; }

    /// <summary>Whether the human view's writer is a terminal; null detects it from the process's console.</summary>
    public bool? IsTerminal { get; init; }

    /// <summary>Environment variables to read <c>CI</c>, <c>TF_BUILD</c> and <c>TERM</c> from; null reads the process's.</summary>
    public Func<string, string?>? Environment { get; init; }

    /// <summary>The one place the view is chosen: the live view only on a terminal, outside CI, without <c>--plain</c>.</summary>
    public RunViewKind Choose(TextWriter writer)
    {
        var env = Environment ?? System.Environment.GetEnvironmentVariable;
        var terminal = IsTerminal ?? TerminalDetection.IsTerminal(writer);
        var ci = IsTrue(env("CI")) || IsTrue(env("TF_BUILD")) || IsTrue(env("GITHUB_ACTIONS"));
        var dumb = string.Equals(env("TERM"), "dumb", StringComparison.OrdinalIgnoreCase);
        return terminal && !ci && !dumb && !Plain ? RunViewKind.Live : RunViewKind.Plain;
    }

    private static bool IsTrue(string? value) =>
        string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "1";
}

/// <summary>Whether a writer is the process's own console and that console is not redirected.</summary>
internal static class TerminalDetection
{
    public static bool IsTerminal(TextWriter writer) =>
        ReferenceEquals(writer, Console.Out) ? !Console.IsOutputRedirected
        : ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;
}
