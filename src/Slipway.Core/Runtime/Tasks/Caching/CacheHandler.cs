using Slipway.Core.Runtime.Caching;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.Tasks.Caching;

/// <summary>
/// <c>Cache@2</c>: resolves <c>key</c> and <c>restoreKeys</c> (one per line) as the task does, restores the
/// exact key or the newest entry matching a restore key into <c>path</c>, sets <c>cacheHitVar</c> to
/// <c>true</c> / <c>inexact</c> / <c>false</c>, and, unless the key was an exact hit, adds the post-job
/// step that saves <c>path</c> under the key when the job succeeded.
/// </summary>
internal sealed class CacheHandler : IStepHandler
{
    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (TaskPaths.Required(context, "key", out var failure) is not { } keyText
            || TaskPaths.Required(context, "path", out failure) is not { } pathText)
        {
            return failure!;
        }

        var workingDirectory = TaskPaths.DefaultWorkingDirectory(context);
        var (key, error) = CacheKeys.Resolve(keyText, workingDirectory);
        if (key is null)
        {
            return StepOutcome.Failed(error!);
        }

        var restoreKeys = new List<string>();
        foreach (var line in TaskPaths.Lines(context.Inputs.Get("restoreKeys")))
        {
            var (restoreKey, restoreError) = CacheKeys.Resolve(line, workingDirectory);
            if (restoreKey is null)
            {
                return StepOutcome.Failed(restoreError!);
            }

            restoreKeys.Add(restoreKey.Text);
        }

        var path = TaskPaths.Resolve(context, pathText);
        context.Log.Output($"Resolved to: {key.Text}");
        var restored = await context.Run.Services.Cache.RestoreAsync(key.Text, restoreKeys, path, cancellationToken).ConfigureAwait(false);
        if (restored.Error is not null)
        {
            // A cache that cannot be restored is a miss, as with the service: the job goes on without it.
            context.Log.Warning(restored.Error);
            restored = Services.CacheRestoreResult.Miss;
        }

        var hit = restored.MatchedKey is null ? "false" : restored.IsExactHit ? "true" : "inexact";
        context.Log.Output(restored.MatchedKey is null
            ? "There is a cache miss."
            : $"Cache restored from key: {restored.MatchedKey}{(restored.IsExactHit ? string.Empty : " (restore key)")}");
        if (context.Inputs.Get("cacheHitVar") is { Length: > 0 } variable)
        {
            context.Variables.Set(variable.Trim(), hit);
        }

        if (!restored.IsExactHit)
        {
            context.PostJob.Add($"Post-job: {context.DisplayName}", (post, token) => SaveAsync(post, key.Text, path, token));
        }

        return StepOutcome.Succeeded;
    }

    private static async Task<StepOutcome> SaveAsync(StepContext context, string key, string path, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(path))
        {
            return StepOutcome.WithIssues($"The cache path '{path}' does not exist: nothing was saved.");
        }

        var result = await context.Run.Services.Cache.SaveAsync(key, path, cancellationToken).ConfigureAwait(false);
        if (result.Message is not null)
        {
            context.Log.Output(result.Message);
        }

        return StepOutcome.Succeeded;
    }
}
