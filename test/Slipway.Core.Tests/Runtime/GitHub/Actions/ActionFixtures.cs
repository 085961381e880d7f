using Slipway.Core.Runtime.GitHub.Actions;
using Slipway.Core.Runtime.GitHub.Actions.WellKnown;
using Slipway.Core.Tests.Pipelines;
using Slipway.Core.Tests.Runtime.GitHub.Jobs;

namespace Slipway.Core.Tests.Runtime.GitHub.Actions;

/// <summary>Action folders for the job harness: test/fixtures/actions copied into an actions folder, node_modules linked to test/fixtures/node's (the real @actions/core).</summary>
internal static class ActionFixtures
{
    public static string ActionsDirectory(JobHarness harness) => Path.Combine(harness.Dir, "actions-cache");

    /// <summary>Plugs the real action runner into the harness, with the actions folder under the harness folder.</summary>
    public static JobHarness WithActions(this JobHarness harness)
    {
        harness.Actions = new GitHubActionRunner(ActionsDirectory(harness), new WellKnownActions(), new DockerEngine(TimeProvider.System));
        return harness;
    }

    /// <summary>Installs fixture <paramref name="fixture"/> as <c>owner/repo@ref</c> in the harness's actions folder.</summary>
    public static string InstallRemote(JobHarness harness, string fixture, string owner, string repository, string reference)
    {
        var target = Path.Combine(ActionsDirectory(harness), owner, repository, reference);
        Copy(Path.Combine(RepoPaths.Root, "test", "fixtures", "actions", fixture), target);
        var modules = Path.Combine(RepoPaths.Root, "test", "fixtures", "node", "node_modules");
        if (!Directory.Exists(Path.Combine(modules, "@actions", "core")))
        {
            throw new InvalidOperationException($"@actions/core is not installed in {modules}: run 'npm ci' in test/fixtures/node (test.sh does).");
        }

        Directory.CreateSymbolicLink(Path.Combine(target, "node_modules"), modules);
        return target;
    }

    /// <summary>Writes an action.yml (and other files) under <paramref name="folder"/>.</summary>
    public static void Write(string folder, params (string Name, string Text)[] files)
    {
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
