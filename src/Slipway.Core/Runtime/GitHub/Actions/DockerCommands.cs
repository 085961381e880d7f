using System.Globalization;
using System.Text;

namespace Slipway.Core.Runtime.GitHub.Actions;

/// <summary>The paths a container step sees, as the runner mounts them (workspace, file commands, temp, event).</summary>
internal sealed record ContainerMounts(string Workspace, string FileCommands, string Temp, string Workflow)
{
    public const string ContainerWorkspace = "/github/workspace";
    public const string ContainerFileCommands = "/github/file_commands";
    public const string ContainerTemp = "/github/runner_temp";
    public const string ContainerWorkflow = "/github/workflow";
    public const string ContainerHome = "/github/home";

    public IEnumerable<string> VolumeArguments() =>
    [
        "-v", "/var/run/docker.sock:/var/run/docker.sock",
        "-v", $"{Workspace}:{ContainerWorkspace}",
        "-v", $"{FileCommands}:{ContainerFileCommands}",
        "-v", $"{Temp}:{ContainerTemp}",
        "-v", $"{Workflow}:{ContainerWorkflow}",
    ];

    /// <summary>A host path of the step's environment as the container sees it (other values unchanged).</summary>
    public string Translate(string value)
    {
        foreach (var (host, container) in new[] { (Workspace, ContainerWorkspace), (FileCommands, ContainerFileCommands), (Temp, ContainerTemp), (Workflow, ContainerWorkflow) })
        {
            if (value == host || value.StartsWith(host + "/", StringComparison.Ordinal))
            {
                return container + value[host.Length..];
            }
        }

        return value;
    }
}

/// <summary>
/// The exact <c>docker</c> argument lists Slipway runs, kept in one place so they can be tested and the
/// job runner (<c>container:</c>/<c>services:</c>) and the action runner use the same ones. Values of
/// variables never appear on a command line (<c>-e NAME</c>; the value comes from the CLI's environment).
/// </summary>
internal static class DockerCommands
{
    public const string Label = "slipway";

    public static IReadOnlyList<string> Version() => ["version", "--format", "{{.Server.Version}}"];

    public static IReadOnlyList<string> Pull(string image) => ["pull", image];

    public static IReadOnlyList<string> Build(string tag, string dockerfile, string contextDirectory) =>
        ["build", "--label", Label, "-t", tag, "-f", dockerfile, contextDirectory];

    public static IReadOnlyList<string> CreateNetwork(string network) => ["network", "create", "--label", Label, network];

    public static IReadOnlyList<string> RemoveNetwork(string network) => ["network", "rm", network];

    /// <summary>Runs a step's command in the job container (<paramref name="path"/>: the PATH with the job's <c>GITHUB_PATH</c> additions, RUN's <c>-e PATH=...</c>).</summary>
    public static IReadOnlyList<string> Exec(string container, string workingDirectory, IEnumerable<string> environmentNames, IReadOnlyList<string> command, string? path = null)
    {
        var args = new List<string> { "exec", "-i", "--workdir", workingDirectory };
        foreach (var name in environmentNames)
        {
            args.AddRange(["-e", name]);
        }

        if (path is not null)
        {
            args.AddRange(["-e", "PATH=" + path]);
        }

        args.Add(container);
        args.AddRange(command);
        return args;
    }

    /// <summary>A Docker action or <c>docker://</c> step: removed when done, the workspace and file-command folders mounted.</summary>
    public static IReadOnlyList<string> RunAction(
        string name, string image, ContainerMounts mounts, IEnumerable<string> environmentNames, string? entrypoint, IReadOnlyList<string> arguments, string? network = null)
    {
        ArgumentNullException.ThrowIfNull(mounts);
        var args = new List<string> { "run", "--rm", "--name", name, "--label", Label, "--workdir", ContainerMounts.ContainerWorkspace };
        if (network is not null)
        {
            args.AddRange(["--network", network]);
        }

        foreach (var variable in environmentNames)
        {
            args.AddRange(["-e", variable]);
        }

        args.AddRange(mounts.VolumeArguments());
        if (entrypoint is { Length: > 0 })
        {
            args.AddRange(["--entrypoint", entrypoint]);
        }

        args.Add(image);
        args.AddRange(arguments);
        return args;
    }

    /// <summary>A name docker accepts, unique enough for one run: <c>slipway_&lt;prefix&gt;_&lt;n&gt;</c>.</summary>
    public static string ContainerName(string prefix, long unique)
    {
        var clean = new StringBuilder();
        foreach (var c in prefix.ToLowerInvariant())
        {
            clean.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '_');
        }

        return $"slipway_{clean}_{unique.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Splits <c>options</c>/<c>args</c> text as a shell would: whitespace separates, quotes group, backslash escapes in double quotes.</summary>
    public static IReadOnlyList<string> SplitOptions(string? text)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }

        var current = new StringBuilder();
        var inWord = false;
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else if (c == '\\' && quote == '"' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
                {
                    current.Append(text[++i]);
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    result.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            result.Add(current.ToString());
        }

        return result;
    }
}
