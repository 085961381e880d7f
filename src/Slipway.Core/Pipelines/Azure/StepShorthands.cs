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

        if (read.String(main, $"'{keyword}'") is not { } value)
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

        return keyword switch
        {
            "script" or "bash" or "pwsh" or "powershell" => Script(keyword, value, Add, Copy, inputs),
            "checkout" => CheckoutStep(value, Add, Copy, inputs),
            _ => Artifacts(keyword, value, map, read, inputs, Add, Copy),
        };
    }

    private static (TaskReference, List<NamedValue>) Script(string keyword, string value, Action<string, string> add, Action<string, string> copy, List<NamedValue> inputs)
    {
        var task = keyword switch { "script" => CmdLine, "bash" => Bash, _ => PowerShell };
        if (keyword != "script")
        {
            add("targetType", "inline");
        }

        add("script", value);
        var keys = keyword is "pwsh" or "powershell"
            ? new[] { "errorActionPreference", "failOnStderr", "ignoreLASTEXITCODE", "workingDirectory" }
            : ["workingDirectory", "failOnStderr"];
        foreach (var key in keys)
        {
            copy(key, key);
        }

        if (keyword == "pwsh")
        {
            add("pwsh", "true");
        }

        return (task, inputs);
    }

    private static (TaskReference, List<NamedValue>) CheckoutStep(string value, Action<string, string> add, Action<string, string> copy, List<NamedValue> inputs)
    {
        add("repository", value);
        foreach (var key in CheckoutInputs)
        {
            copy(key, key);
        }

        return (Checkout, inputs);
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
