using Slipway.Core.Diagnostics;
using Slipway.Core.Yaml;

namespace Slipway.Core.Pipelines.Azure;

/// <summary>Where each stage's and job's <c>dependsOn</c> was written, so dependency errors point at the name in it.</summary>
internal sealed class DependsOnPositions
{
    private readonly Dictionary<string, YamlNode> _nodes = new(StringComparer.OrdinalIgnoreCase);

    public void Record(string stage, string? job, YamlNode? node)
    {
        if (node is not null)
        {
            _nodes.TryAdd(Key(stage, job), node);
        }
    }

    /// <summary>The item naming <paramref name="dependency"/>, else the whole <c>dependsOn</c> value, else null.</summary>
    public SourceLocation? Find(string stage, string? job, string? dependency)
    {
        if (!_nodes.TryGetValue(Key(stage, job), out var node))
        {
            return null;
        }

        if (dependency is not null && node is YamlSequence list
            && list.Items.OfType<YamlScalar>().FirstOrDefault(i => string.Equals(i.Value, dependency, StringComparison.OrdinalIgnoreCase)) is { } item)
        {
            return item.Location;
        }

        return node.Location;
    }

    private static string Key(string stage, string? job) => job is null ? stage : $"{stage}\u0001{job}";
}
