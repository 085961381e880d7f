using Slipway.Core.Execution.Output;
using Slipway.Core.Runtime.GitHub.Containers;
using Slipway.Core.Runtime.GitHub.Contexts;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Jobs;

internal sealed partial class StepExecutor
{
    /// <summary>A failure whose error is already in the log.</summary>
    private static readonly StepOutcome Failed = new(Runs.RunResult.Failed);

    /// <summary>
    /// A <c>run</c> step as the runner's <c>ScriptHandler</c> runs it: the details group (<c>Run &lt;first line&gt;</c>,
    /// the script, <c>shell:</c>, <c>env:</c>), the script written to <c>RUNNER_TEMP</c>, the shell started in
    /// <c>working-directory</c> (relative to <c>GITHUB_WORKSPACE</c>), and "Process completed with exit code N."
    /// </summary>
    private async Task<StepOutcome> RunScriptAsync(StepHost host, CancellationToken cancel)
    {
        var x = host.Execution;
        var script = TokenEvaluator.EvaluateString(x.Step.Run, () => host.Context);
        var shellText = TokenEvaluator.EvaluateString(x.Step.Shell, () => host.Context);
        var directory = TokenEvaluator.EvaluateString(x.Step.WorkingDirectory, () => host.Context);
        foreach (var failed in new[] { script, shellText, directory }.Where(e => !e.IsSuccess))
        {
            x.Log.Error(failed.Error!.Message, code: JobRunnerDiagnosticCodes.ExpressionFailed);
            return Failed;
        }

        var contents = script.Value;
        var shell = NullIfEmpty(shellText.Value) ?? (x.Scope.IsJob ? job.Defaults.Shell : null);
        var workingDirectory = NullIfEmpty(directory.Value) ?? (x.Scope.IsJob ? job.Defaults.WorkingDirectory : null);
        var environment = x.ProcessEnvironment();
        PrintDetails(x, contents);
        // RUN ScriptHandler: in a job container the shell is not looked up on the host, and the default is 'sh -e {0}'.
        var inContainer = job.Containers?.Job is { Id: not null };
        var (resolved, error, code) = inContainer
            ? ScriptShell.Resolve(shell ?? "sh", p => p)
            : ScriptShell.Resolve(shell, p => ScriptShell.Which(p, environment.GetValueOrDefault("PATH")));
        if (resolved is null)
        {
            x.Log.EndGroup();
            x.Log.Error(error!, code: code);
            return Failed;
        }

        x.Log.Output("shell: " + resolved.Display);
        PrintEnv(x);
        x.Log.EndGroup();

        var folder = Path.Combine(job.Folders.Workspace, workingDirectory ?? string.Empty);
        if (!Directory.Exists(folder))
        {
            x.Log.Error($"An error occurred trying to start process '{resolved.Program}' with working directory '{folder}'. No such file or directory",
                code: JobRunnerDiagnosticCodes.WorkingDirectoryMissing);
            return Failed;
        }

        var path = Path.Combine(job.Folders.Temp, Guid.NewGuid().ToString("D") + resolved.Extension);
        try
        {
            NewFiles.Write(path, resolved.FixUp(contents));
        }
        catch (DirectoryNotFoundException)
        {
            Directory.CreateDirectory(job.Folders.Temp); // an earlier step deleted RUNNER_TEMP
            NewFiles.Write(path, resolved.FixUp(contents));
        }

        x.Log.Debug($"{resolved.Program} {string.Join(' ', resolved.Arguments(path))}");
        var (program, arguments, processEnvironment) = inContainer
            ? ContainerExec.Wrap(job, resolved.Program, resolved.Arguments(path), folder, environment)
            : new ContainerProcess(resolved.Program, resolved.Arguments(path), environment);
        var result = await host.RunProcessAsync(program, arguments, folder, processEnvironment, cancel).ConfigureAwait(false);
        if (!result.Started)
        {
            return Failed;
        }

        if (result.Canceled || result.TimedOut)
        {
            return StepOutcome.Canceled;
        }

        if (result.ExitCode != 0)
        {
            x.Log.Error($"Process completed with exit code {result.ExitCode}.", code: JobRunnerDiagnosticCodes.StepFailed);
            return new StepOutcome(Runs.RunResult.Failed, result.ExitCode);
        }

        return StepOutcome.Succeeded;
    }

    private static void PrintDetails(StepExecution x, string contents)
    {
        x.Log.Group("Run " + FirstLine(contents));
        foreach (var line in contents.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n'))
        {
            x.Log.Output(line);
        }
    }

    private static void PrintEnv(StepExecution x)
    {
        if (x.Env.Count == 0)
        {
            return;
        }

        x.Log.Output("env:");
        foreach (var (name, value) in x.Env)
        {
            x.Log.Output($"  {name}: {value}");
        }
    }

    /// <summary>The runner's display of a script: its first non-blank line.</summary>
    public static string FirstLine(string contents)
    {
        var first = contents.TrimStart(' ', '\t', '\r', '\n');
        var newline = first.IndexOfAny(['\r', '\n']);
        return newline >= 0 ? first[..newline] : first;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
