using Slipway.Core.Execution.Output.ProblemMatchers;

namespace Slipway.Core.Runtime.GitHub.Actions.WellKnown;

/// <summary>
/// The problem matchers the real setup actions register for the rest of the job when they succeed (each ends
/// with <c>##[add-matcher]</c> for files it ships), so a later <c>dotnet build</c>, <c>tsc</c>, <c>eslint</c> or
/// <c>java</c> run turns its error lines into annotations here as on GitHub. Same owners (so
/// <c>::remove-matcher owner=csc::</c> works), patterns written for the same output formats:
/// <list type="bullet">
/// <item><c>setup-dotnet</c>: <c>csc</c>, MSBuild's <c>file(line[,col]): error|warning CODE: message [project]</c> for
/// compiler codes (not <c>MSBxxxx</c>), the file relative to the project.</item>
/// <item><c>setup-node</c>: <c>tsc</c> (<c>file(line[,col]): error TS1234: message</c>, with or without MSBuild's
/// <c>  1&gt;</c> prefix), <c>eslint-stylish</c> (a file line, then <c>  line:col  severity  message  rule</c>
/// lines), and <c>eslint-compact</c>, whose pattern setup-node wraps in slashes so that it never matches: it is
/// registered the same way, giving the same (no) annotations.</item>
/// <item><c>setup-java</c>: <c>java</c>, <c>Exception in thread "main" type: message</c>.</item>
/// </list>
/// <c>setup-python</c>'s matcher is not reproduced (its shipped file has changed between versions in ways that
/// could not be settled here); it registers none.
/// </summary>
internal static class SetupToolMatchers
{
    private static readonly ProblemMatcherConfig Csc = new("csc", string.Empty,
    [
        new ProblemPatternConfig
        {
            Regexp = @"^(.*)\((\d+)(?:,\d+){0,2}\):\s+(error|warning)\s+([a-zA-Z]+(?<!MSB)\d+):\s*(.*?)\s+\[(.*?)\]$",
            File = 1, Line = 2, Severity = 3, Code = 4, Message = 5, FromPath = 6,
        },
    ]);

    private static readonly ProblemMatcherConfig Tsc = new("tsc", string.Empty,
    [
        new ProblemPatternConfig
        {
            Regexp = @"^(?:\s+\d+>)?(\S.*)\((\d+)(?:,(\d+)(?:,\d+){0,2})?\)\s*:\s+(error|warning|info)\s+(\w{1,2}\d+)\s*:\s*(.*)$",
            File = 1, Line = 2, Column = 3, Severity = 4, Code = 5, Message = 6,
        },
    ]);

    private static readonly ProblemMatcherConfig EslintStylish = new("eslint-stylish", string.Empty,
    [
        new ProblemPatternConfig { Regexp = @"^\s*(\S.*)$", File = 1 },
        new ProblemPatternConfig
        {
            Regexp = @"^\s+(\d+):(\d+)\s+(error|warning|info)\s+(.*)\s\s+(.*)$",
            Line = 1, Column = 2, Severity = 3, Message = 4, Code = 5, Loop = true,
        },
    ]);

    // Slashes around the pattern as setup-node ships it: "/" then a start anchor can never match.
    private static readonly ProblemMatcherConfig EslintCompact = new("eslint-compact", string.Empty,
    [
        new ProblemPatternConfig
        {
            Regexp = @"/^(.+):\sline\s(\d+),\scol\s(\d+),\s(Error|Warning|Info)\s-\s(.+)\s\((.+)\)$/",
            File = 1, Line = 2, Column = 3, Severity = 4, Message = 5, Code = 6,
        },
    ]);

    private static readonly ProblemMatcherConfig Java = new("java", string.Empty,
    [
        new ProblemPatternConfig { Regexp = "^Exception in thread \"(.*)\" (.*): (.*)$", Code = 2, Message = 3 },
    ]);

    // Validated and compiled once per process (the matchers hold no per-scan state).
    private static readonly Dictionary<string, IReadOnlyList<ProblemMatcher>> ByTool = new(StringComparer.Ordinal)
    {
        ["dotnet"] = Compile([Csc]),
        ["node"] = Compile([Tsc, EslintStylish, EslintCompact]),
        ["java"] = Compile([Java]),
    };

    /// <summary>The matchers <c>actions/setup-&lt;tool&gt;</c> registers (none for a tool without any).</summary>
    public static IReadOnlyList<ProblemMatcher> For(string tool) => ByTool.GetValueOrDefault(tool) ?? [];

    private static IReadOnlyList<ProblemMatcher> Compile(IReadOnlyList<ProblemMatcherConfig> configs)
    {
        var result = ProblemMatcherValidation.Validate(configs, ProblemMatcherScanner.DefaultTimeout);
        return result.Error is { } error ? throw new InvalidOperationException($"A built-in problem matcher is invalid: {error}") : result.Matchers;
    }
}
