using System.Text;
using Slipway.Core.Execution.Processes;

namespace Slipway.Core.Runtime.Tasks.Tools;

/// <summary>Finds tools already installed on the machine (Slipway never downloads them).</summary>
internal static class InstalledTools
{
    /// <summary>The folder of the real <c>dotnet</c> on PATH (symlinks followed), or null.</summary>
    public static string? DotNetRoot(IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        if (environment.TryGetValue("DOTNET_ROOT", out var root) && File.Exists(Path.Combine(root, "dotnet")))
        {
            return root;
        }

        if (ExecutableResolver.Resolve("dotnet", environment, workingDirectory) is not { } path)
        {
            return null;
        }

        var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        return Path.GetDirectoryName(target);
    }

    /// <summary>Versions under <c>sdk/</c> (packageType sdk) or <c>shared/Microsoft.NETCore.App/</c> (runtime).</summary>
    public static IReadOnlyList<string> DotNetVersions(string dotnetRoot, bool runtime)
    {
        var folder = runtime ? Path.Combine(dotnetRoot, "shared", "Microsoft.NETCore.App") : Path.Combine(dotnetRoot, "sdk");
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>().Where(n => n.Length > 0 && char.IsDigit(n[0]))]
            : [];
    }

    /// <summary>Runs <c>program --version</c> and returns its first output line (<c>v20.20.2</c> for node), or null.</summary>
    public static async Task<string?> VersionOfAsync(string program, IReadOnlyDictionary<string, string> environment, string workingDirectory, TimeProvider time, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        var spec = new ProcessSpec
        {
            FileName = program,
            Arguments = ["--version"],
            WorkingDirectory = workingDirectory,
            Environment = environment,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var result = await new ProcessRunner(time).RunAsync(
            spec,
            line =>
            {
                if (line.Stream == OutputStream.StandardOutput && output.Length == 0)
                {
                    output.Append(line.Text.Trim());
                }

                return ValueTask.CompletedTask;
            },
            cancellationToken).ConfigureAwait(false);
        return result.Succeeded && output.Length > 0 ? output.ToString() : null;
    }
}
