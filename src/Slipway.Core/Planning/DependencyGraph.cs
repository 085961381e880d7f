namespace Slipway.Core.Planning;

/// <summary>Checks on a set of named nodes and their dependencies (stages, or the jobs of one stage). Names compare case-insensitively.</summary>
public static class DependencyGraph
{
    /// <summary>
    /// Every cycle found by a depth-first walk in document order, each as the names along it with
    /// the first name repeated at the end (<c>A, B, A</c>). Dependencies on unknown names are ignored here.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> FindCycles(IReadOnlyList<(string Name, IReadOnlyList<string> DependsOn)> nodes)
    {
        var byName = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, deps) in nodes)
        {
            byName.TryAdd(name, deps);
        }

        var state = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase); // 1 = on the path, 2 = done
        var path = new List<string>();
        var cycles = new List<IReadOnlyList<string>>();
        foreach (var (name, _) in nodes)
        {
            Visit(name, byName, state, path, cycles);
        }

        return cycles;
    }

    private static void Visit(string name, Dictionary<string, IReadOnlyList<string>> byName, Dictionary<string, int> state, List<string> path, List<IReadOnlyList<string>> cycles)
    {
        if (state.GetValueOrDefault(name) == 2 || !byName.TryGetValue(name, out var deps))
        {
            return;
        }

        state[name] = 1;
        path.Add(name);
        foreach (var dep in deps)
        {
            if (state.GetValueOrDefault(dep) == 1)
            {
                var start = path.FindIndex(p => string.Equals(p, dep, StringComparison.OrdinalIgnoreCase));
                cycles.Add([.. path[start..], path[start]]);
            }
            else
            {
                Visit(dep, byName, state, path, cycles);
            }
        }

        path.RemoveAt(path.Count - 1);
        state[name] = 2;
    }

    /// <summary>Names in dependency order (each after everything it depends on); null when there is a cycle.</summary>
    public static IReadOnlyList<string>? TopologicalOrder(IReadOnlyList<(string Name, IReadOnlyList<string> DependsOn)> nodes)
    {
        if (FindCycles(nodes).Count > 0)
        {
            return null;
        }

        var byName = nodes.GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().DependsOn, StringComparer.OrdinalIgnoreCase);
        var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        void Add(string name)
        {
            if (!byName.TryGetValue(name, out var deps) || !done.Add(name))
            {
                return;
            }

            foreach (var dep in deps)
            {
                Add(dep);
            }

            order.Add(name);
        }

        foreach (var (name, _) in nodes)
        {
            Add(name);
        }

        return order;
    }
}
