using System.Text;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.GitHub.Actions.WellKnown;

/// <summary>
/// <c>actions/setup-dotnet|setup-node|setup-python|setup-java</c> against what is installed (nothing is
/// downloaded): the <c>*-version</c> spec must match an installed version; its folder goes on PATH for the
/// next steps (<c>GITHUB_PATH</c>), the action's output is set and its problem matchers registered
/// (<see cref="SetupToolMatchers"/>); else a clear error naming the installed versions.
/// </summary>
internal sealed class SetupToolAction(ToolKind tool) : IWellKnownAction
{
    public static readonly IReadOnlyList<ToolKind> Tools =
    [
        new("dotnet", "dotnet-version", "dotnet", ["--list-sdks"], "dotnet-version"),
        new("node", "node-version", "node", ["--version"], "node-version"),
        new("python", "python-version", "python3", ["--version"], "python-version"),
        new("java", "java-version", "java", ["-version"], "version"),
    ];

    public async Task<StepOutcome> RunAsync(WellKnownActionContext context, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.Host;
        var specs = context.Lines(tool.VersionInput);
        var installed = await tool.FindAsync(host.Environment, host.Run.Time, cancel).ConfigureAwait(false);
        if (specs.Count == 0)
        {
            host.Log.Output($"No {tool.VersionInput} given: using the installed {tool.Name} ({Describe(installed)}).");
            return installed.Count == 0 ? context.Fail($"{tool.Name} is not installed on this machine ('{tool.Program}' is not on PATH).", ActionDiagnosticCodes.ToolVersionMissing)
                : Use(context, installed.MaxBy(i => i.Version)!);
        }

        InstalledTool? chosen = null;
        foreach (var spec in specs)
        {
            var match = installed.Where(i => ToolKind.Matches(spec, i.Version)).MaxBy(i => i.Version);
            if (match is null)
            {
                return context.Fail(
                    $"actions/setup-{tool.Name}: no installed {tool.Name} matches {tool.VersionInput} '{spec}'. Installed: {Describe(installed)}. Slipway does not download tools: install that version, or change the version spec.",
                    ActionDiagnosticCodes.ToolVersionMissing);
            }

            chosen = match;
            host.Log.Output($"Found {tool.Name} {match.Text} in {match.Directory} for '{spec}'.");
        }

        return Use(context, chosen!);
    }

    private StepOutcome Use(WellKnownActionContext context, InstalledTool tool1)
    {
        var host = context.Host;
        if (host.Environment.TryGetValue("GITHUB_PATH", out var pathFile))
        {
            File.AppendAllText(pathFile, tool1.Directory + "\n", new UTF8Encoding(false));
        }

        host.SetOutput(tool.OutputName, tool.Name == "node" ? "v" + tool1.Text : tool1.Text);
        if (tool.Name == "python")
        {
            host.SetOutput("python-path", Path.Combine(tool1.Directory, "python3"));
        }
        else if (tool.Name == "java")
        {
            host.SetOutput("path", Path.GetDirectoryName(tool1.Directory) ?? tool1.Directory);
        }

        // As the real action's closing ##[add-matcher] lines: the matchers apply to the job's later steps.
        var matchers = SetupToolMatchers.For(tool.Name);
        if (matchers.Count > 0)
        {
            host.AddProblemMatchers(matchers);
            host.Log.Debug($"Added matchers: {string.Join(", ", matchers.Select(m => $"'{m.Owner}'"))}. Problem matchers scan action output for known warning or error strings and report these inline.");
        }

        return StepOutcome.Succeeded;
    }

    private static string Describe(IReadOnlyList<InstalledTool> installed) =>
        installed.Count == 0 ? "none" : string.Join(", ", installed.Select(i => i.Text));
}
