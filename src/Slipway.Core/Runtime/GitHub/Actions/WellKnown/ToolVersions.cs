using System.Globalization;
using System.Text.RegularExpressions;
using Slipway.Core.Execution.Processes;

namespace Slipway.Core.Runtime.GitHub.Actions.WellKnown;

/// <summary>An installed tool version: its numbers and the folder to put on PATH.</summary>
internal sealed record InstalledTool(Version Version, string Text, string Directory);

/// <summary>How one <c>actions/setup-*</c> finds installed versions (a program on PATH and its version command).</summary>
internal sealed partial record ToolKind(string Name, string VersionInput, string Program, IReadOnlyList<string> Arguments, string OutputName)
{
    /// <summary>The installed versions the program reports (one per line for <c>dotnet --list-sdks</c>).</summary>
    public async Task<IReadOnlyList<InstalledTool>> FindAsync(IReadOnlyDictionary<string, string> environment, TimeProvider time, CancellationToken cancel)
    {
        var path = ExecutableResolver.Resolve(Program, environment, Path.GetTempPath());
        if (path is null)
        {
            return [];
        }

        var lines = new List<string>();
        var spec = new ProcessSpec { FileName = path, Arguments = Arguments, WorkingDirectory = Path.GetTempPath(), Environment = environment, Timeout = TimeSpan.FromMinutes(1) };
        var result = await new ProcessRunner(time).RunAsync(spec, line => { lock (lines) { lines.Add(line.Text); } return ValueTask.CompletedTask; }, cancel).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return [];
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(ResolveLinks(path)))!;
        // dotnet --list-sdks prints one SDK per line; the others print their version on the first line
        // (java -version goes on with "OpenJDK 64-Bit Server VM ...", which is no version).
        return [.. (Program == "dotnet" ? lines : lines.Take(1)).Select(l => VersionText().Match(l)).Where(m => m.Success)
            .Select(m => new InstalledTool(Parse(m.Groups[1].Value), m.Groups[1].Value, directory))];
    }

    /// <summary>
    /// True when <paramref name="spec"/> selects <paramref name="version"/>: <c>20</c>, <c>20.x</c>, <c>20.1</c>, <c>20.1.2</c>,
    /// <c>8.0.x</c>, <c>x</c>/<c>*</c>/<c>latest</c>/<c>lts/*</c>/<c>node</c>, a leading <c>v</c>, and <c>&gt;=</c> ranges.
    /// </summary>
    public static bool Matches(string spec, Version version)
    {
        spec = spec.Trim().TrimStart('v', 'V');
        if (spec is "x" or "*" or "latest" or "lts/*" or "node" or "stable")
        {
            return true;
        }

        if (spec.StartsWith(">=", StringComparison.Ordinal))
        {
            return version >= Parse(spec[2..].Trim().Replace(".x", string.Empty, StringComparison.Ordinal));
        }

        var parts = spec.Split('.');
        int[] numbers = [version.Major, version.Minor, Math.Max(version.Build, 0)];
        for (var i = 0; i < parts.Length && i < 3; i++)
        {
            if (parts[i] is "x" or "*" or "X")
            {
                return true;
            }

            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n != numbers[i])
            {
                return false;
            }
        }

        return true;
    }

    private static Version Parse(string text)
    {
        var numbers = text.Split('.').Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).Take(3).ToList();
        while (numbers.Count < 2)
        {
            numbers.Add(0);
        }

        return numbers.Count == 2 ? new Version(numbers[0], numbers[1]) : new Version(numbers[0], numbers[1], numbers[2]);
    }

    private static string ResolveLinks(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    [GeneratedRegex(@"(?:^|[^\d.])v?(\d+(?:\.\d+){0,2})")]
    private static partial Regex VersionText();
}
