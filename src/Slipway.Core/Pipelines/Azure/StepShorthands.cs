using Slipway.Core.Planning;
using Slipway.Core.Yaml;

namespace Slipway.Core.Pipelines.Azure;

/// <summary>
/// Every Azure step kind is sugar for a task (spec §1.3): this maps a step's keyword and keys to
/// the task reference and task inputs the runner executes.
/// </summary>
internal static class StepShorthands
{
    public const int RetryLimit = 10;

    public static readonly TaskReference CmdLine = new("CmdLine", "2");
    public static readonly TaskReference Bash = new("Bash", "3");
    public static readonly TaskReference PowerShell = new("PowerShell", "2");
    public static readonly TaskReference Checkout = new("Checkout", "1");
    public static readonly TaskReference DownloadPipelineArtifact = new("DownloadPipelineArtifact", "2");
    public static readonly TaskReference DownloadBuildArtifacts = new("DownloadBuildArtifacts", "1");
    public static readonly TaskReference PublishPipelineArtifact = new("PublishPipelineArtifact", "1");
    public static readonly TaskReference DownloadPackage = new("DownloadPackage", "1");
    public static readonly TaskReference ReviewApp = new("ReviewApp", "0");

    private static readonly string[] CheckoutInputs =
        ["clean", "fetchDepth", "fetchFilter", "fetchTags", "lfs", "persistCredentials", "submodules", "path", "sparseCheckoutDirectories", "sparseCheckoutPatterns", "workspaceRepo"];

    public static (TaskReference Task, List<NamedValue> Inputs)? Normalise(string keyword, YamlMapping map, NodeReader read)
    {
        var main = map[keyword]!;
        if (keyword == "task")
        {
            return TaskStep(map, main, read);
        }

        var value = read.String(main, $"'{keyword}'");
        if (value is null)
        {
            return null;
        }

        var inputs = new List<NamedValue>();
        void Add(string name, string text) => inputs.Add(new NamedValue(name, text, main.Location));
        void Copy(string key, string input)
        {
            if (map[key] is { } node && read.String(node, $"'{key}'") is { } text)
            {
                inputs.Add(new NamedValue(input, text, node.Location));
            }
        }

        switch (keyword)
        {
            case "script":
                Add("script", value);
                Copy("workingDirectory", "workingDirectory");
                Copy("failOnStderr", "failOnStderr");
                return (CmdLine, inputs);
            case "bash":
                Add("targetType", "inline");
                Add("script", value);
                Copy("workingDirectory", "workingDirectory");
                Copy("failOnStderr", "failOnStderr");
                return (Bash, inputs);
            case "pwsh" or "powershell":
                Add("targetType", "inline");
                Add("script", value);
                foreach (var key in new[] { "errorActionPreference", "failOnStderr", "ignoreLASTEXITCODE", "workingDirectory" })
                {
                    Copy(key, key);
                }

                if (keyword == "pwsh")
                {
                    Add("pwsh", "true");
                }

                return (PowerShell, inputs);
            case "checkout":
                Add("repository", value);
                foreach (var key in CheckoutInputs)
                {
                    Copy(key, key);
                }

                return (Checkout, inputs);
            default:
                return Artifacts(keyword, value, map, read, inputs, Add, Copy);
        }
    }

    private static (TaskReference, List<NamedValue>) Artifacts(
        string keyword, string value, YamlMapping map, NodeReader read, List<NamedValue> inputs, Action<string, string> add, Action<string, string> copy)
    {
        switch (keyword)
        {
            case "download":
                // AZP-DEPL-3 / TC-48: current run -> $(Pipeline.Workspace)/<artifact>; a pipeline resource -> .../<alias>/<artifact>.
                add("buildType", value == "current" ? "current" : value == "none" ? "none" : "specific");
                if (value is not ("current" or "none"))
                {
                    add("pipeline", value);
                }

                copy("artifact", "artifactName");
                copy("patterns", "itemPattern");
                var artifact = map["artifact"] is { } a ? read.String(a, "'artifact'") : null;
                var root = value == "current" ? "$(Pipeline.Workspace)" : $"$(Pipeline.Workspace)/{value}";
                add("targetPath", artifact is { Length: > 0 } ? $"{root}/{artifact}" : root);
                return (DownloadPipelineArtifact, inputs);
            case "downloadBuild":
                add("buildType", "specific");
                add("definition", value);
                copy("artifact", "artifactName");
                copy("path", "downloadPath");
                copy("patterns", "itemPattern");
                if (map["inputs"] is { } extra)
                {
                    inputs.AddRange(read.StringMap(extra, "'inputs'"));
                }

                return (DownloadBuildArtifacts, inputs);
            case "publish" or "upload":
                add("targetPath", value);
                copy("artifact", "artifactName");
                return (PublishPipelineArtifact, inputs);
            case "getPackage":
                add("definition", value);
                copy("path", "downloadPath");
                return (DownloadPackage, inputs);
            default:
                add("resourceName", value);
                return (ReviewApp, inputs);
        }
    }

    private static (TaskReference, List<NamedValue>)? TaskStep(YamlMapping map, YamlNode main, NodeReader read)
    {
        if (read.Required(main, "'task'") is not { } text)
        {
            return null;
        }

        var at = text.LastIndexOf('@');
        var task = at < 0 ? new TaskReference(text, string.Empty) : new TaskReference(text[..at], text[(at + 1)..]);
        var inputs = map["inputs"] is { } node ? read.StringMap(node, "'inputs'") : [];
        return (task, [.. inputs]);
    }
}

/// <summary>Step ids: given names are kept; unnamed steps get the task name, then TaskName1, TaskName2, ...</summary>
internal static class StepNames
{
    public static List<StepPlan> Assign(List<StepPlan> steps)
    {
        var taken = new HashSet<string>(steps.Where(s => !s.IsNameGenerated && s.Name.Length > 0).Select(s => s.Name), StringComparer.OrdinalIgnoreCase);
        var counters = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var result = new List<StepPlan>(steps.Count);
        foreach (var step in steps)
        {
            var named = step;
            if (step.IsNameGenerated || step.Name.Length == 0)
            {
                named = step with { Name = Next(step.Task.Name, counters, taken), IsNameGenerated = true };
            }

            result.Add(named.DisplayName is null ? named with { DisplayName = named.Task.Name } : named);
        }

        return result;
    }

    private static string Next(string baseName, Dictionary<string, int> counters, HashSet<string> taken)
    {
        var clean = new string([.. baseName.Where(c => char.IsAsciiLetterOrDigit(c) || c == '_')]);
        clean = clean.Length == 0 || char.IsAsciiDigit(clean[0]) ? "_" + clean : clean;
        while (true)
        {
            var n = counters.GetValueOrDefault(clean);
            counters[clean] = n + 1;
            var candidate = n == 0 ? clean : clean + n;
            if (taken.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
