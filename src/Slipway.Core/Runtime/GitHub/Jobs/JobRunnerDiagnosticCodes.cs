namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>Diagnostic codes of the GitHub job runner: SLW8300-SLW8399.</summary>
internal static class JobRunnerDiagnosticCodes
{
    /// <summary>A step failed (its process exited with a non-zero code, or its action failed).</summary>
    public const string StepFailed = "SLW8300";

    /// <summary><c>shell:</c> is neither a built-in shell nor a format string with <c>{0}</c>.</summary>
    public const string InvalidShell = "SLW8301";

    /// <summary>The shell program is not on the step's PATH (pwsh, python, ...).</summary>
    public const string ShellNotFound = "SLW8302";

    /// <summary>A step or job value (<c>env</c>, <c>name</c>, <c>if</c>, <c>run</c>, ...) could not be evaluated.</summary>
    public const string ExpressionFailed = "SLW8303";

    /// <summary>A step ran longer than its <c>timeout-minutes</c>.</summary>
    public const string StepTimedOut = "SLW8304";

    /// <summary>The job ran longer than its <c>timeout-minutes</c>.</summary>
    public const string JobTimedOut = "SLW8305";

    /// <summary>A job output that contains a secret was left out (GHA-JOB-9).</summary>
    public const string OutputSkipped = "SLW8306";

    /// <summary>A <c>uses:</c> action could not be prepared (job setup fails).</summary>
    public const string ActionSetupFailed = "SLW8307";

    /// <summary>The step's <c>working-directory</c> does not exist.</summary>
    public const string WorkingDirectoryMissing = "SLW8308";

    /// <summary>A step kind this runner does not run (background, wait, cancel, parallel steps).</summary>
    public const string UnsupportedStep = "SLW8309";

    /// <summary>The job was canceled.</summary>
    public const string Canceled = "SLW8310";

    /// <summary>A <c>wait</c> or <c>cancel</c> step names a step that is not a started background step of the job.</summary>
    public const string BackgroundStepUnknown = "SLW8311";

    /// <summary>A background step that a <c>wait</c>/<c>wait-all</c> step waited for failed.</summary>
    public const string BackgroundStepFailed = "SLW8312";
}
