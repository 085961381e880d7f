using Slipway.Core.Pipelines.GitHub.Tokens;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.GitHub.Contexts;

namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>
/// GHA-JOB-9: the job's <c>outputs</c>, evaluated after its steps (no <c>secrets</c> context). A value
/// the masker would change contains a secret: it is left out with the runner's warning.
/// </summary>
internal static class JobOutputs
{
    public static async Task<IReadOnlyDictionary<string, string>> EvaluateAsync(GitHubJobState job)
    {
        var outputs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (job.Request.Job.Outputs is not MappingToken mapping)
        {
            return outputs;
        }

        var context = JobContexts.Outputs(job);
        foreach (var (keyToken, valueToken) in mapping.Pairs)
        {
            var name = keyToken is StringToken s ? s.Value : keyToken.ToString() ?? string.Empty;
            var value = TokenEvaluator.EvaluateString(valueToken, context);
            if (!value.IsSuccess)
            {
                var e = value.Error;
                await job.Recorder.IssueAsync(job.Node, IssueType.Warning, $"Evaluating the job output '{name}' failed: {e.Message}", e.Location.File, e.Location.Line, e.Location.Column, JobRunnerDiagnosticCodes.ExpressionFailed).ConfigureAwait(false);
                continue;
            }

            if (!string.Equals(job.Run.Masker.Mask(value.Value), value.Value, StringComparison.Ordinal))
            {
                await job.Recorder.IssueAsync(job.Node, IssueType.Warning, $"Skip output '{name}' since it may contain secret.", code: JobRunnerDiagnosticCodes.OutputSkipped).ConfigureAwait(false);
                continue;
            }

            outputs[name] = value.Value;
        }

        return outputs;
    }
}
