using System.Threading.Channels;
using Slipway.Core.Runs;

namespace Slipway.Core.Orchestration;

/// <summary>A unit of the graph: a stage, or a job within a stage.</summary>
public sealed record DagNode<T>(string Id, T Payload, IReadOnlyList<string> DependsOn);

/// <summary>
/// Walks a dependency graph: a node starts as soon as every node it depends on has finished, whatever
/// their results. Deciding whether a node really runs (its condition) and limiting how many jobs run
/// at once belong to the caller's <c>execute</c>; the scheduler only orders. Every node is handed to
/// <c>execute</c> exactly once, also after cancellation, so that <c>always()</c> work can still run.
/// </summary>
public static class DagScheduler
{
    public static async Task<IReadOnlyDictionary<string, RunResult>> RunAsync<T>(
        IReadOnlyList<DagNode<T>> nodes,
        Func<DagNode<T>, IReadOnlyDictionary<string, RunResult>, CancellationToken, Task<RunResult>> execute,
        CancellationToken cancellationToken)
    {
        var byId = nodes.ToDictionary(n => n.Id, StringComparer.OrdinalIgnoreCase);
        var waitingOn = nodes.ToDictionary(n => n.Id, n => n.DependsOn.Count, StringComparer.OrdinalIgnoreCase);
        var dependents = nodes.ToDictionary(n => n.Id, _ => new List<string>(), StringComparer.OrdinalIgnoreCase);
        foreach (var node in nodes)
        {
            foreach (var dependency in node.DependsOn)
            {
                if (!dependents.TryGetValue(dependency, out var list))
                {
                    throw new ArgumentException($"Node '{node.Id}' depends on unknown node '{dependency}'.", nameof(nodes));
                }

                list.Add(node.Id);
            }
        }

        var results = new Dictionary<string, RunResult>(StringComparer.OrdinalIgnoreCase);
        var finished = Channel.CreateUnbounded<(string Id, RunResult Result, Exception? Error)>(new UnboundedChannelOptions { SingleReader = true });
        Exception? firstError = null;
        var running = 0;

        void Start(DagNode<T> node)
        {
            running++;
            var snapshot = new Dictionary<string, RunResult>(results, StringComparer.OrdinalIgnoreCase);
            _ = Task.Run(async () =>
            {
                try
                {
                    var result = await execute(node, snapshot, cancellationToken).ConfigureAwait(false);
                    finished.Writer.TryWrite((node.Id, result, null));
                }
#pragma warning disable CA1031 // Recorded as a failed node and rethrown once the graph has settled.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    finished.Writer.TryWrite((node.Id, RunResult.Failed, e));
                }
            }, CancellationToken.None);
        }

        foreach (var node in nodes.Where(n => n.DependsOn.Count == 0))
        {
            Start(node);
        }

        if (running == 0 && nodes.Count > 0)
        {
            throw new ArgumentException("Every node depends on another: the graph has a cycle.", nameof(nodes));
        }

        while (running > 0)
        {
            var (id, result, error) = await finished.Reader.ReadAsync(CancellationToken.None).ConfigureAwait(false);
            running--;
            firstError ??= error;
            results[id] = result;
            foreach (var dependent in dependents[id])
            {
                if (--waitingOn[dependent] == 0)
                {
                    Start(byId[dependent]);
                }
            }
        }

        if (firstError is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(firstError);
        }

        if (results.Count != nodes.Count)
        {
            throw new ArgumentException("Some nodes could never start: the graph has a cycle.", nameof(nodes));
        }

        return results;
    }
}
