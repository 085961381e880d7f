namespace Slipway.Core.Runtime.Steps.Scripts;

/// <summary>
/// <c>script</c> (CmdLine@2) and <c>bash</c> (Bash@3) on Linux and macOS, as the tasks run them
/// (AZP-STEP-8): the script goes to a temp file that runs with <c>bash --noprofile --norc FILE</c>
/// (no <c>set -e</c>: the last command's exit code decides), in <c>workingDirectory</c>;
/// <c>failOnStderr</c> fails the step when anything reached stderr.
/// </summary>
internal sealed class BashHandler(bool isCmdLine) : IStepHandler
{
    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (workingDirectory, error) = ScriptFile.WorkingDirectory(context);
        if (error is not null)
        {
            return StepOutcome.Failed(error);
        }

        if (ScriptFile.Which(context, "bash") is not { } bash)
        {
            return StepOutcome.Failed("Unable to locate executable file: 'bash'. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable.");
        }

        var arguments = new List<string>();
        if (isCmdLine || context.Inputs.GetBool("noProfile", true))
        {
            arguments.Add("--noprofile");
        }

        if (isCmdLine || context.Inputs.GetBool("noRc", true))
        {
            arguments.Add("--norc");
        }

        var script = Script(context, arguments);
        if (script.Error is not null)
        {
            return StepOutcome.Failed(script.Error);
        }

        var environment = context.Environment;
        if (!isCmdLine && context.Inputs.Get("bashEnvValue") is { Length: > 0 } bashEnv)
        {
            environment = new Dictionary<string, string>(environment, StringComparer.Ordinal) { ["BASH_ENV"] = bashEnv };
        }

        context.Log.Output("========================== Starting Command Output ===========================");
        context.Log.Command($"{bash} {string.Join(' ', arguments)}");
        var failOnStderr = context.Inputs.GetBool("failOnStderr", false);
        var result = await context.Processes.RunAsync(new StepProcessRequest
        {
            FileName = bash,
            Arguments = arguments,
            WorkingDirectory = workingDirectory,
            Environment = environment,
            StandardErrorAsError = failOnStderr,
        }, cancellationToken).ConfigureAwait(false);

        if (result.Process.StartError is { } startError)
        {
            return StepOutcome.Failed(startError);
        }

        if (result.Process.Canceled || result.Process.TimedOut)
        {
            return StepOutcome.Canceled;
        }

        if (result.ExitCode != 0)
        {
            return StepOutcome.FromExitCode(result.ExitCode, "Bash");
        }

        return failOnStderr && result.WroteToStandardError
            ? StepOutcome.Failed("Bash wrote one or more lines to the standard error stream.", 0)
            : StepOutcome.Succeeded;
    }

    /// <summary>Inline scripts go to a temp file (echoed first, as the tasks echo them); filePath runs the file with its arguments.</summary>
    private (string? Error, bool Ok) Script(StepContext context, List<string> arguments)
    {
        var inline = isCmdLine || string.Equals(context.Inputs.Get("targetType", "filePath"), "inline", StringComparison.OrdinalIgnoreCase);
        if (!inline)
        {
            var file = context.Inputs.Get("filePath");
            if (string.IsNullOrWhiteSpace(file))
            {
                return ("Input required: filePath", false);
            }

            var full = Path.GetFullPath(file, context.Workspace.SourcesDirectory);
            if (!File.Exists(full))
            {
                return ($"Not found filePath: {full}", false);
            }

            arguments.Add(full);
            arguments.AddRange(ScriptFile.SplitArguments(context.Inputs.Get("arguments")));
            return (null, true);
        }

        var contents = context.Inputs.Get("script", string.Empty);
        context.Log.Output("Generating script.");
        context.Log.Output("Script contents:");
        foreach (var line in contents.Split('\n'))
        {
            context.Log.Output(line.TrimEnd('\r'));
        }

        arguments.Add(ScriptFile.Write(context, contents, ".sh"));
        return (null, true);
    }
}
