using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.Tasks;

/// <summary>
/// File-system work of the built-in tasks, run off the caller's thread. A file the task cannot read
/// or write (permissions, a full disk, a file vanishing under it) is an expected failure of the
/// step, reported with its message, never an exception out of the handler.
/// </summary>
internal static class TaskIo
{
    public static Task<StepOutcome> RunAsync(Func<StepOutcome> work, CancellationToken cancellationToken) =>
        Task.Run(() => Guard(work), cancellationToken);

    public static StepOutcome Guard(Func<StepOutcome> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return work();
        }
        catch (IOException ex)
        {
            return StepOutcome.Failed(ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            return StepOutcome.Failed(ex.Message);
        }
    }

    /// <summary>The same guard for store operations that return an error message instead of an outcome.</summary>
    public static T Guard<T>(Func<T> work, Func<string, T> failure)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(failure);
        try
        {
            return work();
        }
        catch (IOException ex)
        {
            return failure(ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            return failure(ex.Message);
        }
        catch (InvalidDataException ex)
        {
            // A damaged archive (a cache blob or an artifact written by a killed process).
            return failure(ex.Message);
        }
    }
}
