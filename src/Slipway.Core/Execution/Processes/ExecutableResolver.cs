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
        return PathLookup.Find(fileName, path)
            ?? (OperatingSystem.IsWindows() ? PathLookup.Find(fileName + ".exe", path) : null);
    }
}
