using System.Text;

namespace Slipway.Core.Runtime.Steps.Scripts;

/// <summary>Writes a step's script to <c>Agent.TempDirectory/&lt;guid&gt;.ext</c>, as the script tasks do, and finds the shell.</summary>
internal static class ScriptFile
{
    public static string Write(StepContext context, string contents, string extension)
    {
        ArgumentNullException.ThrowIfNull(context);
        Directory.CreateDirectory(context.Workspace.TempDirectory);
        var path = Path.Combine(context.Workspace.TempDirectory, Guid.NewGuid().ToString() + extension);
        Execution.Output.NewFiles.Write(path, contents);
        return path;
    }

    /// <summary>Full path of a program on the step's PATH, or null.</summary>
    public static string? Which(StepContext context, string program)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Execution.Processes.PathLookup.Find(program, context.Environment.GetValueOrDefault("PATH"));
    }

    /// <summary>
    /// The working directory input, resolved against <c>System.DefaultWorkingDirectory</c> (the sources folder
    /// unless a checkout moved it); an error message when it does not exist.
    /// </summary>
    public static (string Directory, string? Error) WorkingDirectory(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var defaultDirectory = context.Variables.Get("System.DefaultWorkingDirectory") is { Length: > 0 } d ? d : context.Workspace.SourcesDirectory;
        var given = context.Inputs.Get("workingDirectory", defaultDirectory);
        var full = Path.GetFullPath(given, defaultDirectory);
        return System.IO.Directory.Exists(full) ? (full, null) : (full, $"Not found workingDirectory: {full}");
    }

    /// <summary>Splits an arguments input the way the task lib's tool runner does (spaces, double quotes).</summary>
    public static List<string> SplitArguments(string? text)
    {
        var args = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return args;
        }

        var current = new StringBuilder();
        var inQuotes = false;
        var any = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
                any = true;
            }
            else if (char.IsWhiteSpace(c) && !inQuotes)
            {
                if (any || current.Length > 0)
                {
                    args.Add(current.ToString());
                    current.Clear();
                    any = false;
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (any || current.Length > 0)
        {
            args.Add(current.ToString());
        }

        return args;
    }
}
