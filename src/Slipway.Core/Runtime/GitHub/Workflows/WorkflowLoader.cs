using System.Collections.Concurrent;
using Slipway.Core.Pipelines.GitHub;
using Slipway.Core.Pipelines.GitHub.Model;

namespace Slipway.Core.Runtime.GitHub.Workflows;

/// <summary>
/// Reads workflows for a run: the workflow itself and the workflows its jobs call, local ones
/// (<c>./.github/workflows/x.yml</c>, from the repository) and remote ones
/// (<c>owner/repo/.github/workflows/x.yml@ref</c>, from the actions cache folder:
/// <c>&lt;actions-dir&gt;/owner/repo/ref/.github/workflows/x.yml</c>).
/// </summary>
internal sealed class WorkflowLoader(string repositoryRoot, string actionsDirectory)
{
    /// <summary>How deep reusable workflows may nest on github.com: the caller and nine levels (GHA-REUSE-2).</summary>
    public const int MaxNestedCalls = 9;

    private readonly ConcurrentDictionary<string, Workflow?> _called = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> _missingRemote = [];

    /// <summary>The default actions cache folder: <c>~/.cache/slipway/actions</c>.</summary>
    public static string DefaultActionsDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "slipway", "actions");

    public string ActionsDirectory { get; } = actionsDirectory;

    /// <summary>Remote workflows that were called but are not in the actions cache.</summary>
    public IReadOnlyCollection<string> MissingRemote => _missingRemote;

    public WorkflowReaderOptions Options => new()
    {
        FileProvider = Lookup,
        StrictEvents = true,
        MaxReusableWorkflowDepth = MaxNestedCalls,
    };

    public WorkflowReadResult Read(string path, string displayPath) => WorkflowReader.Read(path, displayPath, Options);

    /// <summary>The called workflow (its env, defaults and name); null when it cannot be read (the first read reported why).</summary>
    public Workflow? ReadCalled(string reference) => _called.GetOrAdd(reference, r =>
        Lookup(r).Content is { } text ? WorkflowReader.ReadText(text, r, Options).Workflow : null);

    /// <summary>Where a remote reference is looked up; null for a local or malformed one.</summary>
    public string? RemotePath(string reference)
    {
        var at = reference.LastIndexOf('@');
        var parts = at > 0 ? reference[..at].Split('/', 3) : [];
        return parts.Length == 3 && !reference.StartsWith("./", StringComparison.Ordinal)
            ? Path.Combine(ActionsDirectory, parts[0], parts[1], reference[(at + 1)..], parts[2])
            : null;
    }

    private WorkflowFileLookup Lookup(string reference)
    {
        if (reference.StartsWith("./", StringComparison.Ordinal))
        {
            var full = Path.GetFullPath(Path.Combine(repositoryRoot, reference[2..]));
            return full.StartsWith(Path.GetFullPath(repositoryRoot), StringComparison.Ordinal) && File.Exists(full)
                ? new WorkflowFileLookup(File.ReadAllText(full))
                : WorkflowFileLookup.NotFound;
        }

        if (RemotePath(reference) is { } remote && File.Exists(remote))
        {
            return new WorkflowFileLookup(File.ReadAllText(remote));
        }

        _missingRemote.Add(reference);
        return WorkflowFileLookup.NotFound;
    }
}
