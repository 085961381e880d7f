namespace Slipway.Core.Execution.Processes;

/// <summary>Finds a program on the step's own PATH (not Slipway's), as the shell of the step would.</summary>
internal static class ExecutableResolver
{
    public static string? Resolve(string fileName, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        if (fileName.Length == 0)
        {
            return null;
        }

        if (fileName.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || fileName.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal))
        {
            var full = Path.GetFullPath(fileName, workingDirectory);
            return File.Exists(full) ? full : null;
        }

        var path = environment.TryGetValue("PATH", out var p) ? p : Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (OperatingSystem.IsWindows() && File.Exists(candidate + ".exe"))
            {
                return candidate + ".exe";
            }
        }

        return null;
    }
}
