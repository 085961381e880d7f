namespace Slipway.Cli.Tests;

/// <summary>Runs the CLI in-process against files in a fresh temporary folder.</summary>
internal sealed class CliRun
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("slipway-cli-").FullName;

    public string Write(string relative, string text)
    {
        var path = Path.Combine(Dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs with the temporary folder as the working directory (<c>-C</c>) unless the arguments name one.</summary>
    public async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        if (!args.Contains("-C"))
        {
            args = [.. args, "-C", Dir];
        }

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public static string Example(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "examples", "azure", name, "azure-pipelines.yml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(name);
    }
}
