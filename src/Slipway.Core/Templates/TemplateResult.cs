using Slipway.Core.Diagnostics;
using Slipway.Core.Yaml;

namespace Slipway.Core.Templates;

/// <summary>
/// The fully expanded pipeline (no template references, no <c>${{ }}</c> left), what went wrong,
/// and every file that was read (the root first).
/// </summary>
public sealed record TemplateResult(YamlNode? Root, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Files)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
