using System.Collections;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Slipway.Core.Execution.Processes;

namespace Slipway.Core.Runtime.Repositories;

/// <summary>
/// Runs <c>git</c> as a child process and captures what it prints. Git never prompts (no terminal,
/// <c>GIT_TERMINAL_PROMPT=0</c>), never sees variables that would point it at another repository
/// (<c>GIT_DIR</c>, <c>GIT_WORK_TREE</c>...), and is killed with its children when canceled or too slow.
/// A git that is missing is a <see cref="GitResult.StartError"/>, not an exception.
/// </summary>
internal sealed partial class GitCli
{
    /// <summary>Variables that would make git work on a different repository than the folder it runs in.</summary>
    private static readonly string[] RepositoryOverrides =
    [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_PREFIX", "GIT_CEILING_DIRECTORIES",
    ];

    private readonly Dictionary<string, string> _environment;

    public GitCli(IEnumerable<KeyValuePair<string, string>> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in environment)
        {
            _environment[name] = value;
        }

        foreach (var name in RepositoryOverrides)
        {
            _environment.Remove(name);
        }

        _environment["GIT_TERMINAL_PROMPT"] = "0";
        _environment["GCM_INTERACTIVE"] = "never";
    }

    /// <summary>A git that starts from this process's own environment.</summary>
    public static GitCli FromCurrentProcess() => new(CurrentEnvironment());

    /// <summary>The environment git runs with (after the overrides were removed).</summary>
    public IReadOnlyDictionary<string, string> Environment => _environment;

    /// <summary>A copy of this git with extra environment variables (e.g. <c>GIT_LFS_SKIP_SMUDGE=1</c>).</summary>
    public GitCli With(IEnumerable<KeyValuePair<string, string>> extra)
    {
        var merged = new Dictionary<string, string>(_environment, StringComparer.Ordinal);
        foreach (var (name, value) in extra)
        {
            merged[name] = value;
        }

        return new GitCli(merged);
    }

    /// <summary>The command line as a log shows it (<c>git clone --local ...</c>).</summary>
    public static string Display(IReadOnlyList<string> arguments) =>
        "git " + string.Join(' ', arguments.Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? $"\"{a}\"" : a));

    /// <summary>Runs git and waits at most <paramref name="timeout"/> (for quick reads done before a run starts).</summary>
    public GitResult Run(string workingDirectory, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        using var run = Start(workingDirectory, arguments, onLine: null, out var notStarted);
        if (run is null)
        {
            return notStarted!;
        }

        if (!run.Process.WaitForExit(timeout))
        {
            run.Kill();
            run.Process.WaitForExit();
            return run.Result() with { TimedOut = true };
        }

        run.Process.WaitForExit();
        return run.Result();
    }

    /// <summary>Runs git; each output line (stdout and stderr) also goes to <paramref name="onLine"/>, one call at a time.</summary>
    public async Task<GitResult> RunAsync(
        string workingDirectory, IReadOnlyList<string> arguments, Action<string>? onLine, CancellationToken cancellationToken)
    {
        using var run = Start(workingDirectory, arguments, onLine, out var notStarted);
        if (run is null)
        {
            return notStarted!;
        }

        try
        {
            await run.Process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            run.Kill();
            await run.Process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            return run.Result() with { Canceled = true };
        }

        run.Process.WaitForExit();
        return run.Result();
    }

    private Running? Start(string workingDirectory, IReadOnlyList<string> arguments, Action<string>? onLine, out GitResult? notStarted)
    {
        notStarted = null;
        if (!Directory.Exists(workingDirectory))
        {
            notStarted = GitResult.NotStarted($"The folder '{workingDirectory}' does not exist.");
            return null;
        }

        if (ExecutableResolver.Resolve("git", _environment, workingDirectory) is not { } executable)
        {
            notStarted = GitResult.NotStarted("git was not found on PATH; install git (https://git-scm.com) to use checkout and repository information.");
            return null;
        }

        var process = new Process { StartInfo = StartInfo(executable, workingDirectory, arguments) };
        var run = new Running(process, onLine);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            notStarted = GitResult.NotStarted($"git ('{executable}') could not be started: {ex.Message}");
            return null;
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    private ProcessStartInfo StartInfo(string executable, string workingDirectory, IReadOnlyList<string> arguments)
    {
        var psi = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        psi.Environment.Clear();
        foreach (var (name, value) in _environment)
        {
            psi.Environment[name] = value;
        }

        return psi;
    }

    private static Dictionary<string, string> CurrentEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && entry.Value is string value)
            {
                result[name] = value;
            }
        }

        return result;
    }
}
