using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.Tasks.Files;

/// <summary><c>DeleteFiles@1</c>: <c>SourceFolder</c> (default working directory), <c>Contents</c> (required),
/// <c>RemoveSourceFolder</c>, <c>RemoveDotFiles</c>.</summary>
internal sealed class DeleteFilesHandler : IStepHandler
{
    public Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (TaskPaths.Required(context, "Contents", out var failure) is not { } contents)
        {
            return Task.FromResult(failure!);
        }

        var inputs = context.Inputs;
        var source = inputs.Get("SourceFolder") is { Length: > 0 } s ? TaskPaths.Resolve(context, s) : TaskPaths.DefaultWorkingDirectory(context);
        return TaskIo.RunAsync(
            () =>
            {
                var (_, log) = FileDeleter.Delete(
                    source, TaskPaths.Lines(contents), inputs.GetBool("RemoveSourceFolder", false), inputs.GetBool("RemoveDotFiles", false));
                foreach (var line in log)
                {
                    context.Log.Output(line);
                }

                return StepOutcome.Succeeded;
            },
            cancellationToken);
    }
}
