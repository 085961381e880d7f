using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Actions.WellKnown;

/// <summary>An action Slipway runs natively instead of its JavaScript (no network, the run's own stores).</summary>
internal interface IWellKnownAction
{
    Task<StepOutcome> RunAsync(WellKnownActionContext context, CancellationToken cancel);
}

/// <summary>The step's host and its evaluated <c>with:</c> (no defaults: each emulation applies the action's own).</summary>
internal sealed record WellKnownActionContext(IActionHost Host, ActionInputs Inputs, ActionReference Reference)
{
    /// <summary>The input, trimmed; null when absent or empty.</summary>
    public string? Input(string name) => Inputs[name] is { } value && value.Trim().Length > 0 ? value.Trim() : null;

    /// <summary>A boolean input as <c>core.getBooleanInput</c> reads it (true/True/TRUE), else <paramref name="fallback"/>.</summary>
    public bool Flag(string name, bool fallback) => Input(name) switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => fallback,
    };

    /// <summary>The lines of a multi-line input (empty lines dropped).</summary>
    public IReadOnlyList<string> Lines(string name) =>
        Inputs[name]?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>A path relative to <c>GITHUB_WORKSPACE</c>, with <c>~</c> as the home folder.</summary>
    public string WorkspacePath(string path)
    {
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            var home = Host.Environment.TryGetValue("HOME", out var h) ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            path = home + path[1..];
        }

        return Path.GetFullPath(path, Host.Folders.Workspace);
    }

    public StepOutcome Fail(string message, string code)
    {
        Host.Log.Error(message, code: code);
        return new StepOutcome(Runs.RunResult.Failed); // already logged with its code: the job runner adds no second error
    }
}

/// <summary>The emulated actions, chosen by <c>owner/repo[/path]</c> whatever the ref (<c>actions/checkout@v3</c> and <c>@v4</c> alike).</summary>
internal sealed class WellKnownActions
{
    private readonly Dictionary<string, IWellKnownAction> _actions = new(StringComparer.OrdinalIgnoreCase);

    public WellKnownActions()
    {
        _actions["actions/checkout"] = new CheckoutAction();
        _actions["actions/upload-artifact"] = new UploadArtifactAction();
        _actions["actions/download-artifact"] = new DownloadArtifactAction();
        _actions["actions/cache"] = new CacheAction(restore: true, save: true);
        _actions["actions/cache/restore"] = new CacheAction(restore: true, save: false);
        _actions["actions/cache/save"] = new CacheAction(restore: false, save: true);
        foreach (var tool in SetupToolAction.Tools)
        {
            _actions[$"actions/setup-{tool.Name}"] = new SetupToolAction(tool);
        }
    }

    /// <summary>The names emulated (for docs and tests).</summary>
    public IEnumerable<string> Names => _actions.Keys.Order(StringComparer.Ordinal);

    public IWellKnownAction? Find(RepositoryActionReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var key = reference.Path.Length == 0 ? reference.NameWithOwner : $"{reference.NameWithOwner}/{reference.Path}";
        return _actions.GetValueOrDefault(key);
    }
}
