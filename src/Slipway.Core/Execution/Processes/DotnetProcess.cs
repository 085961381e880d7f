using System.ComponentModel;
using System.Diagnostics;

namespace Slipway.Core.Execution.Processes;

/// <summary>
/// The portable start: System.Diagnostics.Process, through util-linux <c>setsid</c> when it exists
/// (so the child still leads its own group). Used where posix_spawn with POSIX_SPAWN_SETSID is not
/// available (Windows, macOS, old glibc, or SIGCHLD ignored at start-up).
/// </summary>
internal sealed class DotnetProcess(Process process) : ChildProcess
{
    public override int Id => process.Id;

    public override Stream StandardOutput => process.StandardOutput.BaseStream;

    public override Stream StandardError => process.StandardError.BaseStream;

    public override bool HasExited => process.HasExited;

    public override int ExitCode => process.ExitCode;

    public override Task WaitForExitAsync(CancellationToken cancellationToken) => process.WaitForExitAsync(cancellationToken);

    public override void KillTree() => ProcessGroups.KillTree(process);

    public override void Dispose() => process.Dispose();

    public static (ChildProcess? Process, string? Error) Start(
        string executable, IReadOnlyList<string> arguments, IEnumerable<KeyValuePair<string, string>> environment, string workingDirectory)
    {
        var process = new Process { StartInfo = CreateStartInfo(executable, arguments, environment, workingDirectory) };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            return (null, ex.Message);
        }

        process.StandardInput.Close();
        return (new DotnetProcess(process), null);
    }

    private static ProcessStartInfo CreateStartInfo(
        string executable, IReadOnlyList<string> arguments, IEnumerable<KeyValuePair<string, string>> environment, string workingDirectory)
    {
        var psi = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        if (ProcessGroups.SetsidPath is { } setsid)
        {
            psi.FileName = setsid;
            psi.ArgumentList.Add(executable);
        }
        else
        {
            psi.FileName = executable;
        }

        foreach (var arg in arguments)
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            psi.Environment[name] = value;
        }

        return psi;
    }
}
