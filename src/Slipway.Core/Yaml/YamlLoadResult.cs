using Slipway.Core.Diagnostics;

namespace Slipway.Core.Yaml;

/// <summary>The root node (null for an empty document or when the text could not be read) and what was wrong.</summary>
public sealed record YamlLoadResult(YamlNode? Root, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
