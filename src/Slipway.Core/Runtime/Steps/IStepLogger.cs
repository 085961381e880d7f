namespace Slipway.Core.Runtime.Steps;

/// <summary>
/// The step's log. Every line is masked before it reaches the log file, the console or any event
/// sink. Warnings and errors are also recorded as issues of the step (run store, summary, report).
/// </summary>
internal interface IStepLogger
{
    /// <summary>A plain output line.</summary>
    void Output(string line);

    /// <summary>A <c>##[command]</c> line (the command line a handler is about to run).</summary>
    void Command(string line);

    /// <summary>A <c>##[debug]</c> line, written only when System.Debug / <c>--debug</c> is on.</summary>
    void Debug(string line);

    void Section(string title);

    void Group(string title);

    void EndGroup();

    /// <summary>A warning issue (<c>##[warning]</c> line + issue record), optionally pointing at a file.</summary>
    void Warning(string message, string? file = null, int? line = null, int? column = null, string? code = null);

    /// <summary>An error issue (<c>##[error]</c> line + issue record). Does not by itself fail the step: return a failed outcome.</summary>
    void Error(string message, string? file = null, int? line = null, int? column = null, string? code = null);

    /// <summary>True when debug lines are shown (System.Debug or <c>--debug</c>).</summary>
    bool IsDebugEnabled { get; }
}
