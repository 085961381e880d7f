using System.Security.Cryptography;
using Slipway.Core.Expressions;
using Slipway.Core.Runtime.Tasks.Files;

namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>
/// What step expressions ask the job (GHA-FN-7/8): <c>success()</c>, <c>failure()</c>, <c>cancelled()</c>,
/// <c>always()</c> against the job status so far, and <c>hashFiles()</c> under <c>GITHUB_WORKSPACE</c>.
/// </summary>
internal sealed class StepExpressionHost(GitHubJobState job, StepScope scope) : IExpressionHost
{
    public bool EvaluateStatus(StatusFunction function, IReadOnlyList<string> names) => function switch
    {
        StatusFunction.Always => true,
        StatusFunction.Canceled => job.IsCanceled,
        StatusFunction.Failed => !job.IsCanceled && (job.Status == GitHubJobStatus.Failure || scope.Failed),
        StatusFunction.Succeeded => !job.IsCanceled && job.Status == GitHubJobStatus.Success && !scope.Failed,
        _ => false,
    };

    public double NextCounter(string prefix, double seed) => seed;

    /// <summary>
    /// The runner's <c>hashFiles.ts</c>: the files the patterns match under the workspace (folders and files
    /// outside it are skipped), SHA-256 of each, then SHA-256 over those digests; '' when nothing matched.
    /// </summary>
    public string? HashFiles(IReadOnlyList<string> patterns, out string error)
    {
        error = string.Empty;
        var root = Path.GetFullPath(job.Folders.Workspace);
        var files = FileMatcher.MatchFiles(root, patterns);
        if (files.Count == 0)
        {
            return string.Empty;
        }

        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            foreach (var file in files)
            {
                using var stream = File.OpenRead(file);
                all.AppendData(SHA256.HashData(stream));
            }
        }
        catch (IOException e)
        {
            error = $"hashFiles('{string.Join(", ", patterns)}') failed: {e.Message}";
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            error = $"hashFiles('{string.Join(", ", patterns)}') failed: {e.Message}";
            return null;
        }

        return Convert.ToHexStringLower(all.GetHashAndReset());
    }
}
