using System.Globalization;
using Slipway.Core.Planning;

namespace Slipway.Core.Runtime.Steps;

/// <summary>
/// Maps a step to its handler: first by step keyword (<c>checkout</c>, <c>download</c>...), then by
/// task name (case-insensitive) and major version, then by the resolvers (task packages from
/// <c>--tasks-dir</c>). Filled once before the run starts (see <see cref="RuntimeComposition"/>); read-only after.
/// </summary>
internal sealed class StepHandlerRegistry
{
    private readonly Dictionary<string, IStepHandler> _keywords = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Name, int Major), IStepHandler> _tasks = new(TaskKeyComparer.Instance);
    private readonly List<Func<TaskReference, IStepHandler?>> _resolvers = [];

    /// <summary>Handles every step written with this keyword (e.g. <c>checkout</c>), whatever task it maps to.</summary>
    public StepHandlerRegistry AddKeyword(string keyword, IStepHandler handler)
    {
        _keywords[keyword] = handler;
        return this;
    }

    /// <summary>Handles <c>Name@Major</c> (e.g. <c>AddTask("CopyFiles", 2, handler)</c>); a later registration replaces an earlier one.</summary>
    public StepHandlerRegistry AddTask(string name, int major, IStepHandler handler)
    {
        _tasks[(name, major)] = handler;
        return this;
    }

    /// <summary>A fallback consulted in order when no registration matches (task folders on disk).</summary>
    public StepHandlerRegistry AddResolver(Func<TaskReference, IStepHandler?> resolver)
    {
        _resolvers.Add(resolver);
        return this;
    }

    /// <summary>The handler for a step, or null when nothing knows it (the runtime then fails the step naming the task and <c>--tasks-dir</c>).</summary>
    public IStepHandler? Find(StepPlan step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (_keywords.TryGetValue(step.Keyword, out var byKeyword))
        {
            return byKeyword;
        }

        if (TryMajor(step.Task.Version, out var major) && _tasks.TryGetValue((step.Task.Name, major), out var byTask))
        {
            return byTask;
        }

        foreach (var resolver in _resolvers)
        {
            if (resolver(step.Task) is { } resolved)
            {
                return resolved;
            }
        }

        return null;
    }

    /// <summary>"2", "2.1.0" or "2.*" → 2.</summary>
    public static bool TryMajor(string version, out int major)
    {
        var head = version.Split('.')[0];
        return int.TryParse(head, NumberStyles.Integer, CultureInfo.InvariantCulture, out major);
    }

    private sealed class TaskKeyComparer : IEqualityComparer<(string Name, int Major)>
    {
        public static readonly TaskKeyComparer Instance = new();

        public bool Equals((string Name, int Major) x, (string Name, int Major) y) =>
            x.Major == y.Major && string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Name, int Major) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Name), obj.Major);
    }
}
