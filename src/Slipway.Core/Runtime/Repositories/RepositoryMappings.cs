using Slipway.Core.Diagnostics;
using Slipway.Core.Planning;

namespace Slipway.Core.Runtime.Repositories;

/// <summary>
/// <c>--repo alias=PATH</c>: the local folder standing in for a repository resource. Aliases are
/// case-insensitive (as the agent matches them); a relative PATH is relative to <paramref name="baseDirectory"/>.
/// </summary>
internal static class RepositoryMappings
{
    public static (Dictionary<string, string> Paths, List<Diagnostic> Diagnostics) Parse(
        IEnumerable<string> values, string baseDirectory, ResourceSet? resources = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var diagnostics = new List<Diagnostic>();
        foreach (var value in values)
        {
            var eq = value.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == value.Length - 1)
            {
                diagnostics.Add(Error(RepositoryDiagnosticCodes.RepoMappingMalformed, $"--repo '{value}' is not ALIAS=PATH (for example --repo tools=../tools)."));
                continue;
            }

            var alias = value[..eq].Trim();
            var path = Path.GetFullPath(Path.Combine(baseDirectory, value[(eq + 1)..].Trim()));
            if (!Directory.Exists(path))
            {
                diagnostics.Add(Error(RepositoryDiagnosticCodes.RepoMappingPathMissing, $"--repo {alias}={value[(eq + 1)..]}: the folder '{path}' does not exist."));
            }
            else if (!paths.TryAdd(alias, path))
            {
                diagnostics.Add(Error(RepositoryDiagnosticCodes.RepoMappingDuplicate, $"--repo {alias} is given more than once."));
            }
            else if (resources is not null && !resources.Repositories.Any(r => string.Equals(r.Alias, alias, StringComparison.OrdinalIgnoreCase)))
            {
                diagnostics.Add(Diagnostic.Warning(RepositoryDiagnosticCodes.RepoMappingUnknownAlias,
                    $"--repo {alias}: the pipeline has no repository resource '{alias}' (resources.repositories); the mapping is not used.", SourceLocation.None));
            }
        }

        return (paths, diagnostics);
    }

    private static Diagnostic Error(string code, string message) => Diagnostic.Error(code, message, SourceLocation.None);
}
