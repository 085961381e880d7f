using System.Runtime.CompilerServices;

namespace Slipway.Tests;

/// <summary>
/// The programs <c>./test.sh</c> provisions into the repository's git-ignored <c>.tools/</c> folder (pwsh,
/// git-lfs, 7z; see <c>test/tools.sh</c>). test.sh puts them on PATH; this also does it when the tests are
/// started with <c>dotnet test</c> after one test.sh run, so both ways run the same programs.
/// </summary>
internal static class ProvisionedTools
{
    private static readonly string[] Folders = ["pwsh", Path.Combine("git-lfs", "usr", "bin"), Path.Combine("7z", "usr", "lib", "p7zip")];

    // CA2255: this is a test assembly, and PATH must be set before the first test starts a process.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void PrependToPath()
    {
        if (RepositoryTools() is not { } tools)
        {
            return;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var entries = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var missing = Folders.Select(f => Path.Combine(tools, f)).Where(Directory.Exists).Where(d => !entries.Contains(d)).ToList();
        if (missing.Count > 0)
        {
            Environment.SetEnvironmentVariable("PATH", string.Join(Path.PathSeparator, [.. missing, .. entries]));
        }
    }

    /// <summary>The full path of <paramref name="program"/> on PATH; fails the test, naming test.sh, when it is not there.</summary>
    public static string Require(string program)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"'{program}' is not on PATH. Run ./test.sh once: it installs pwsh, git-lfs and 7z into .tools/ (test/tools.sh).");
        return program;
    }

    private static string? RepositoryTools()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Slipway.slnx")))
            {
                var tools = Path.Combine(dir.FullName, ".tools");
                return Directory.Exists(tools) ? tools : null;
            }
        }

        return null;
    }
}
