using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.Tasks.Files;

/// <summary><c>CopyFiles@2</c>: <c>SourceFolder</c> (default working directory), <c>Contents</c> (<c>**</c>),
/// <c>TargetFolder</c> (required), <c>CleanTargetFolder</c>, <c>OverWrite</c>, <c>flattenFolders</c>, <c>preserveTimestamp</c>.</summary>
internal sealed class CopyFilesHandler : IStepHandler
{
    public Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (TaskPaths.Required(context, "TargetFolder", out var failure) is not { } target)
        {
            return Task.FromResult(failure!);
        }

        var inputs = context.Inputs;
        var source = inputs.Get("SourceFolder") is { Length: > 0 } s ? TaskPaths.Resolve(context, s) : TaskPaths.DefaultWorkingDirectory(context);
        var contents = TaskPaths.Lines(inputs.Get("Contents", "**"));
        var options = new CopyOptions
        {
            SourceFolder = source,
            TargetFolder = TaskPaths.Resolve(context, target),
            Contents = contents.Count == 0 ? ["**"] : contents,
            CleanTargetFolder = inputs.GetBool("CleanTargetFolder", false),
            OverWrite = inputs.GetBool("OverWrite", false),
            FlattenFolders = inputs.GetBool("flattenFolders", false),
            PreserveTimestamp = inputs.GetBool("preserveTimestamp", false),
        };
        return TaskIo.RunAsync(
            () =>
            {
                var result = FileCopier.Copy(options);
                foreach (var line in result.Log)
                {
                    context.Log.Output(line);
                }

                return result.Succeeded ? StepOutcome.Succeeded : StepOutcome.Failed(result.Error!);
            },
            cancellationToken);
    }
}
