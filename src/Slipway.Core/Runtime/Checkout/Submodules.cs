namespace Slipway.Core.Runtime.Checkout;

/// <summary>
/// <c>submodules: true | recursive</c>. Each submodule is taken from the user's own checkout of it when
/// there is one (<c>&lt;source&gt;/&lt;path&gt;</c> with a <c>.git</c>), so no network is needed; otherwise
/// from the URL in <c>.gitmodules</c>. Unlike the agent, submodules are not fetched shallow.
/// </summary>
internal sealed class Submodules
{
    private const string Prefix = "submodule.";
    private const string Suffix = ".path";
    private readonly CheckoutSteps _steps;

    public Submodules(CheckoutSteps steps) => _steps = steps;

    public async Task<CheckoutResult?> UpdateAsync(string target, string source, bool recursive)
    {
        if (!File.Exists(Path.Combine(target, ".gitmodules")))
        {
            return null;
        }

        var listed = await _steps.RunQuietAsync(target, ["config", "--file", ".gitmodules", "--get-regexp", @"^submodule\..*\.path$"]).ConfigureAwait(false);
        var modules = Parse(listed.StandardOutput);
        var update = await UseLocalCopiesAsync(target, source, modules).ConfigureAwait(false)
            ?? await _steps.RunAsync("git submodule update", target, "-c", "protocol.file.allow=always", "submodule", "update", "--init", "--force").ConfigureAwait(false);
        if (update is not null)
        {
            return update.Canceled ? update : CheckoutResult.Failed(CheckoutDiagnosticCodes.SubmoduleFailed, update.Error!);
        }

        foreach (var (_, path) in recursive ? modules : [])
        {
            if (await UpdateAsync(Path.Combine(target, path), Path.Combine(source, path), recursive: true).ConfigureAwait(false) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    /// <summary>Points each submodule at the user's checkout of it (before <c>submodule update --init</c> reads the URLs).</summary>
    private async Task<CheckoutResult?> UseLocalCopiesAsync(string target, string source, List<(string Name, string Path)> modules)
    {
        foreach (var (name, path) in modules)
        {
            var local = Path.GetFullPath(Path.Combine(source, path));
            if (!IsWorkTree(local))
            {
                _steps.Log.Debug($"Submodule '{name}' is not checked out in '{source}': using the URL from .gitmodules.");
                continue;
            }

            if (await _steps.RunAsync("git config", target, "config", $"{Prefix}{name}.url", local).ConfigureAwait(false) is { } failed)
            {
                return failed;
            }
        }

        return null;
    }

    private static List<(string Name, string Path)> Parse(string output)
    {
        var result = new List<(string, string)>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                continue;
            }

            var key = line[..space];
            if (key.StartsWith(Prefix, StringComparison.Ordinal) && key.EndsWith(Suffix, StringComparison.Ordinal) && key.Length > Prefix.Length + Suffix.Length)
            {
                result.Add((key[Prefix.Length..^Suffix.Length], line[(space + 1)..]));
            }
        }

        return result;
    }

    private static bool IsWorkTree(string folder) =>
        Directory.Exists(Path.Combine(folder, ".git")) || File.Exists(Path.Combine(folder, ".git"));
}
