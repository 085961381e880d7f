using Slipway.Core.Diagnostics;
using Slipway.Core.Runtime.GitHub.Contexts;

namespace Slipway.Core.Runtime.GitHub.Actions;

/// <summary>
/// Finds the folder of an action's <c>action.yml</c>: <c>./path</c> under <c>GITHUB_WORKSPACE</c>,
/// <c>owner/repo[/path]@ref</c> under the actions folder (<c>&lt;owner&gt;/&lt;repo&gt;/&lt;ref&gt;/[path]</c>).
/// Nothing is downloaded: a missing action is an error that says how to fill the folder.
/// </summary>
internal static class ActionLocator
{
    public static readonly string[] ManifestNames = ["action.yml", "action.yaml"];

    /// <summary><c>--actions-dir</c>, else <c>SLIPWAY_ACTIONS_DIR</c>, else <c>$XDG_CACHE_HOME/slipway/actions</c> or <c>~/.cache/slipway/actions</c>.</summary>
    public static string DefaultDirectory(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment("SLIPWAY_ACTIONS_DIR") is { Length: > 0 } explicitRoot)
        {
            return explicitRoot;
        }

        var baseDir = environment("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(baseDir, "slipway", "actions");
    }

    /// <summary>The folder that holds the action's manifest.</summary>
    public static Evaluated<string> Locate(ActionReference reference, string workspace, string actionsDirectory, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(reference);
        switch (reference)
        {
            case LocalActionReference local:
                var folder = Path.GetFullPath(Path.Combine(workspace, local.Path));
                return FindManifest(folder) is not null
                    ? folder
                    : Diagnostic.Error(ActionDiagnosticCodes.ActionNotFound,
                        $"Can't find 'action.yml' or 'action.yaml' under '{folder}'. Did you forget to run actions/checkout before running your local action?",
                        location);
            case RepositoryActionReference remote:
                var repositoryFolder = Path.Combine(actionsDirectory, remote.Owner, remote.Repository, remote.Ref);
                var actionFolder = remote.Path.Length == 0 ? repositoryFolder : Path.Combine(repositoryFolder, remote.Path);
                if (FindManifest(actionFolder) is not null)
                {
                    return Path.GetFullPath(actionFolder);
                }

                return Diagnostic.Error(ActionDiagnosticCodes.ActionNotFound, NotFoundMessage(remote, repositoryFolder, actionFolder), location);
            default:
                return Diagnostic.Error(ActionDiagnosticCodes.ReferenceSyntax, $"'{reference.Text}' is not an action folder.", location);
        }
    }

    /// <summary>The path of <c>action.yml</c> (or <c>action.yaml</c>) in <paramref name="folder"/>, or null.</summary>
    public static string? FindManifest(string folder) =>
        ManifestNames.Select(name => Path.Combine(folder, name)).FirstOrDefault(File.Exists);

    private static string NotFoundMessage(RepositoryActionReference remote, string repositoryFolder, string actionFolder)
    {
        var where = Directory.Exists(repositoryFolder)
            ? $"'{repositoryFolder}' exists but has no action.yml or action.yaml{(remote.Path.Length > 0 ? $" in '{remote.Path}'" : string.Empty)}"
            : $"'{repositoryFolder}' does not exist";
        return $"The action '{remote.Text}' is not in the actions folder: {where}. Slipway does not download actions; "
            + $"fill the folder with: git clone --depth 1 -b {remote.Ref} https://github.com/{remote.Owner}/{remote.Repository} {repositoryFolder} "
            + $"(or point --actions-dir at a folder laid out as <owner>/<repo>/<ref>). Looked for '{Path.Combine(actionFolder, "action.yml")}'.";
    }
}
