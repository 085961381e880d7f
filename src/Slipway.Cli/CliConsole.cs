using Slipway.Core.Diagnostics;

namespace Slipway.Cli;

/// <summary>Where a command writes: standard output for results, standard error for diagnostics.</summary>
internal sealed class CliConsole(TextWriter stdout, TextWriter stderr, string? workingDirectory = null)
{
    /// <summary>The folder relative paths and the run store are resolved against.</summary>
    public string WorkingDirectory { get; } = workingDirectory ?? Environment.CurrentDirectory;

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    /// <summary>Writes diagnostics to standard error; returns true when any is an error.</summary>
    public bool Report(IEnumerable<Diagnostic> diagnostics)
    {
        var anyError = false;
        foreach (var d in diagnostics)
        {
            Error.WriteLine(d.ToString());
            anyError |= d.IsError;
        }

        return anyError;
    }
}
