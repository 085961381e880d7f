using System.Globalization;
using Slipway.Core.Expressions;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Jobs;

namespace Slipway.Core.Runtime.Orchestration;

internal sealed partial class RunOrchestrator
{
    /// <summary>
    /// One request per job instance (AZP-DEP-5..7): a matrix leg each (static, or computed by a
    /// <c>$[ ]</c> that yields a JSON object), <c>parallel: N</c> slices named job1..jobN, or the job itself.
    /// Null (after recording why) when a runtime matrix cannot be computed.
    /// </summary>
    private async Task<List<JobRequest>?> ExpandAsync(StagePlan stage, TimelineNode stageNode, JobPlan job, int order, List<KeyValuePair<string, ExpressionValue>> dependencyValues)
    {
        var display = job.DisplayName ?? job.Name;
        var legs = new List<(string Name, string Display, IReadOnlyList<KeyValuePair<string, string>> Variables, string Prefix)>();
        if (job.Strategy is { } strategy)
        {
            if (strategy.MatrixExpression is { } expression)
            {
                var computed = await RuntimeMatrixAsync(stageNode, job, expression, dependencyValues).ConfigureAwait(false);
                if (computed is null)
                {
                    return null;
                }

                legs.AddRange(computed.Select(l => (l.Name, $"{display} {l.Name}", l.Variables, l.Name + ".")));
            }
            else if (strategy.Matrix.Count > 0)
            {
                legs.AddRange(strategy.Matrix.Select(l => (l.Name, $"{display} {l.Name}",
                    (IReadOnlyList<KeyValuePair<string, string>>)[.. l.Variables.Select(v => KeyValuePair.Create(v.Name, v.Value))], l.Name + ".")));
            }
            else if (strategy.Parallel is > 1 and var n)
            {
                legs.AddRange(Enumerable.Range(1, n).Select(i => ($"job{i.ToString(CultureInfo.InvariantCulture)}",
                    $"{display} {i.ToString(CultureInfo.InvariantCulture)}", (IReadOnlyList<KeyValuePair<string, string>>)[], $"job{i.ToString(CultureInfo.InvariantCulture)}.")));
            }
        }

        if (legs.Count == 0)
        {
            legs.Add((string.Empty, display, [], string.Empty));
        }

        var requests = new List<JobRequest>(legs.Count);
        var position = 0;
        foreach (var leg in legs)
        {
            position++;
            var name = leg.Name.Length == 0 ? job.Name : job.Name + "." + leg.Name;
            var node = await recorder.AddAsync(RecordKind.Job, name, leg.Display, stageNode, order * 1000 + position).ConfigureAwait(false);
            requests.Add(new JobRequest
            {
                Stage = stage,
                Job = job,
                Node = node,
                LegVariables = leg.Variables,
                Position = position,
                Total = legs.Count,
                OutputPrefix = leg.Prefix,
                DependencyValues = dependencyValues,
                BuildNumber = buildNumber,
            });
        }

        return requests;
    }

    private async Task<List<(string Name, IReadOnlyList<KeyValuePair<string, string>> Variables)>?> RuntimeMatrixAsync(
        TimelineNode stageNode, JobPlan job, ExpressionText expression, List<KeyValuePair<string, ExpressionValue>> dependencyValues)
    {
        var context = new EvaluationContext(dependencyValues.Append(KeyValuePair.Create("variables", (ExpressionValue)RunVariables(null))).Append(RuntimeExpressions.Pipeline(run.StartTime)));
        var (value, error) = RuntimeExpressions.Evaluate(expression, context, allowCounter: false);
        var text = error is null ? Expressions.Azure.AzureCoercion.ToStringValue(value) : null;
        string? parseError = null;
        if (text is not null && ValueJson.TryParse(text, out var parsed, out var jsonError) && parsed is ObjectValue legs)
        {
            return [.. legs.Entries.Select(l => (l.Key, (IReadOnlyList<KeyValuePair<string, string>>)(l.Value is ObjectValue vars
                ? [.. vars.Entries.Select(v => KeyValuePair.Create(v.Key, Expressions.Azure.AzureCoercion.ToStringValue(v.Value)))]
                : [])))];
        }
        else if (text is not null)
        {
            parseError = $"The matrix of job '{job.Name}' must be a JSON object of legs, but the expression gave '{text}'.";
        }

        var node = await recorder.AddAsync(RecordKind.Job, job.Name, job.DisplayName ?? job.Name, stageNode, 0).ConfigureAwait(false);
        var message = error?.Message ?? parseError!;
        await recorder.IssueAsync(node, IssueType.Error, message, expression.Location.File, expression.Location.Line, expression.Location.Column, RuntimeDiagnosticCodes.MatrixError).ConfigureAwait(false);
        await recorder.CompleteAsync(node, RunResult.Failed, TimeSpan.Zero, reason: message).ConfigureAwait(false);
        return null;
    }
}
