using System.Collections.Concurrent;

namespace Slipway.Core.Execution.Processes;

/// <summary>
/// Finds a program on a PATH value, the first folder that has it winning (<see cref="ExecutableResolver"/>
/// for every process start, and the script steps for their shell). Every script step looks its
/// shell up: what was found on the same PATH is checked again with one stat instead of probing each
/// folder (a miss is never remembered, since a step may install the program).
/// </summary>
internal static class PathLookup
{
    private static readonly ConcurrentDictionary<(string Path, string Program), string> Found = new();

    public static string? Find(string program, string? path)
    {
        path ??= string.Empty;
        if (Found.TryGetValue((path, program), out var known) && File.Exists(known))
        {
            return known;
        }

        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                if (Found.Count < 1_000)
                {
                    Found[(path, program)] = candidate;
                }

                return candidate;
            }
        }

        return null;
    }
}
