namespace Slipway.Core.Runtime.Steps.Scripts;

/// <summary>
/// <c>checkout</c> until the checkout helper's git implementation is plugged in: <c>none</c> does
/// nothing; <c>self</c> copies the repository's files (without <c>.git</c> and <c>.slipway</c>) to <c>s/</c>.
/// </summary>
internal sealed class FallbackCheckoutHandler : IStepHandler
{
    public Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var repository = context.Inputs.Get("repository", "self");
        if (string.Equals(repository, "none", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(StepOutcome.Succeeded);
        }

        if (!string.Equals(repository, "self", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(StepOutcome.Failed($"Checking out the repository '{repository}' is not supported by this build of Slipway."));
        }

        context.Log.Output($"Copying {context.Workspace.RepositoryRoot} to {context.Workspace.SourcesDirectory}");
        Copy(new DirectoryInfo(context.Workspace.RepositoryRoot), context.Workspace.SourcesDirectory, cancellationToken);
        return Task.FromResult(StepOutcome.Succeeded);
    }

    private static void Copy(DirectoryInfo source, string target, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(target);
        foreach (var file in source.EnumerateFiles())
        {
            cancellationToken.ThrowIfCancellationRequested();
            file.CopyTo(Path.Combine(target, file.Name), overwrite: true);
        }

        foreach (var dir in source.EnumerateDirectories())
        {
            if (dir.Name is ".git" or ".slipway" || dir.LinkTarget is not null)
            {
                continue;
            }

            Copy(dir, Path.Combine(target, dir.Name), cancellationToken);
        }
    }
}
