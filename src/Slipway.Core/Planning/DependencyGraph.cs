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

    // Iterative depth-first walk (a long chain of stages must not exhaust the stack).
    private static void Visit(string root, Dictionary<string, IReadOnlyList<string>> byName, Dictionary<string, int> state, List<string> path, List<IReadOnlyList<string>> cycles)
    {
        if (state.GetValueOrDefault(root) == 2 || !byName.ContainsKey(root))
        {
            return;
        }

        var stack = new Stack<(string Name, int Next)>();
        stack.Push((root, 0));
        state[root] = 1;
        path.Add(root);
        while (stack.Count > 0)
        {
            var (name, next) = stack.Pop();
            var deps = byName[name];
            if (next >= deps.Count)
            {
                path.RemoveAt(path.Count - 1);
                state[name] = 2;
                continue;
            }

            stack.Push((name, next + 1));
            var dep = deps[next];
            if (state.GetValueOrDefault(dep) == 1)
            {
                var start = path.FindIndex(p => string.Equals(p, dep, StringComparison.OrdinalIgnoreCase));
                cycles.Add([.. path[start..], path[start]]);
            }
            else if (state.GetValueOrDefault(dep) == 0 && byName.ContainsKey(dep))
            {
                state[dep] = 1;
                path.Add(dep);
                stack.Push((dep, 0));
            }
        }
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
        foreach (var (root, _) in nodes)
        {
            var stack = new Stack<(string Name, int Next)>();
            if (done.Add(root))
            {
                stack.Push((root, 0));
            }

            while (stack.Count > 0)
            {
                var (name, next) = stack.Pop();
                var deps = byName[name];
                if (next >= deps.Count)
                {
                    order.Add(name);
                    continue;
                }

                stack.Push((name, next + 1));
                if (byName.ContainsKey(deps[next]) && done.Add(deps[next]))
                {
                    stack.Push((deps[next], 0));
                }
            }
        }

        return order;
    }
}
