namespace Slipway.Core.Execution.Processes;

internal enum OutputStream
{
    StandardOutput,
    StandardError,
}

/// <summary>One line a process wrote, without its line terminator.</summary>
internal readonly record struct OutputLine(OutputStream Stream, string Text);
