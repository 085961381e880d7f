using Slipway.Core.Diagnostics;
using Slipway.Core.Yaml;

namespace Slipway.Core.Templates;

/// <summary>
/// Finds and reads template files: resolves <c>path</c>, <c>/path</c>, <c>path@alias</c> and <c>path@self</c>,
/// parses each file once, and enforces the limit on the number of distinct files.
/// </summary>
internal sealed class TemplateFiles(string selfRoot, TemplateOptions options, DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, (TemplateSource Source, YamlNode? Root)> _byFullPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TemplateSource> _byDisplay = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Dictionary<(string Reference, string Origin), TemplateSource> _resolved = [];
    private bool _limitReported;

    public IReadOnlyList<string> DisplayNames => _order;

    public TemplateSource CreateRoot(string fullPath)
    {
        var relative = Path.GetRelativePath(selfRoot, fullPath).Replace('\\', '/');
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            relative = Path.GetFileName(fullPath);
        }

        return new TemplateSource(null, selfRoot, relative, fullPath) { DisplayOverride = options.RootDisplayName };
    }

    /// <summary>The file a node was written in, by its diagnostic name.</summary>
    public TemplateSource? FindByDisplayName(string displayName) => _byDisplay.GetValueOrDefault(displayName);

    /// <summary>Reads the root pipeline file (not counted against the file limit).</summary>
    public YamlNode? LoadRoot(TemplateSource root) => Load(root, out _, options.RootText);

    /// <summary>Turns a reference text into a file, or reports why it cannot (unknown alias).</summary>
    public TemplateSource? Resolve(string reference, TemplateSource origin, SourceLocation where)
    {
        var key = (reference, origin.DisplayName);
        if (_resolved.TryGetValue(key, out var known))
        {
            return known;
        }

        var source = ResolveUncached(reference, origin, where);
        if (source is not null)
        {
            _resolved[key] = source;
        }

        return source;
    }

    private TemplateSource? ResolveUncached(string reference, TemplateSource origin, SourceLocation where)
    {
        var at = reference.LastIndexOf('@');
        var path = at < 0 ? reference : reference[..at];
        var alias = at < 0 ? null : reference[(at + 1)..];
        if (alias is null)
        {
            var relative = TemplateSource.Combine(origin.RelativeFolder, path);
            return origin with { RelativePath = relative, FullPath = FullPath(origin.RepositoryRoot, relative), DisplayOverride = null };
        }

        var rooted = TemplateSource.Combine(string.Empty, path);
        if (string.Equals(alias, "self", StringComparison.OrdinalIgnoreCase))
        {
            return new TemplateSource(null, selfRoot, rooted, FullPath(selfRoot, rooted));
        }

        if (!options.Repositories.TryGetValue(alias, out var folder))
        {
            diagnostics.Error(TemplateDiagnosticCodes.UnknownRepository,
                $"The template '{reference}' comes from repository '{alias}', which is not available locally; map it with --repo {alias}=PATH.", where);
            return null;
        }

        var root = Path.GetFullPath(folder);
        return new TemplateSource(alias, root, rooted, FullPath(root, rooted));
    }

    /// <summary>Reads a template file (cached); null with a diagnostic when it is missing, unreadable or over the limit.</summary>
    public YamlNode? LoadTemplate(TemplateSource source, string reference, SourceLocation where, out bool failed)
    {
        if (!_byFullPath.ContainsKey(source.FullPath))
        {
            if (!File.Exists(source.FullPath))
            {
                diagnostics.Error(TemplateDiagnosticCodes.TemplateNotFound,
                    $"The template '{reference}' was not found: '{source.DisplayName}' does not exist.", where);
                failed = true;
                return null;
            }

            if (_order.Count - 1 >= options.MaxFiles)
            {
                if (!_limitReported)
                {
                    _limitReported = true;
                    diagnostics.Error(TemplateDiagnosticCodes.TooManyFiles,
                        $"More than {options.MaxFiles} template files are included; this is the limit (AZP-TPL-3). '{reference}' is one too many.", where);
                }

                failed = true;
                return null;
            }
        }

        return Load(source, out failed);
    }

    private YamlNode? Load(TemplateSource source, out bool failed, string? text = null)
    {
        if (_byFullPath.TryGetValue(source.FullPath, out var cached))
        {
            failed = false;
            return cached.Root;
        }

        var result = text is not null
            ? YamlLoader.Load(text, source.DisplayName, YamlLoadOptions.AzurePipelines)
            : YamlLoader.LoadFile(source.FullPath, source.DisplayName, YamlLoadOptions.AzurePipelines);
        diagnostics.AddRange(result.Diagnostics);
        _byFullPath[source.FullPath] = (source, result.Root);
        _byDisplay[source.DisplayName] = source;
        _order.Add(source.DisplayName);
        failed = result.HasErrors;
        return result.Root;
    }

    private static string FullPath(string root, string relative) =>
        Path.GetFullPath(Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar)));
}
