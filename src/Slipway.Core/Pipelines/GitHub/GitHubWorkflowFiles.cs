using Slipway.Core.Yaml;

namespace Slipway.Core.Pipelines.GitHub;

/// <summary>Tells GitHub Actions workflow files from other pipeline files.</summary>
internal static class GitHubWorkflowFiles
{
    /// <summary>
    /// True for a <c>.yml</c>/<c>.yaml</c> file under <c>.github/workflows/</c>, or for YAML whose top level
    /// has both <c>on</c> and <c>jobs</c> (Azure Pipelines has neither <c>on</c> nor a <c>jobs</c> mapping).
    /// </summary>
    public static bool IsWorkflow(string path)
    {
        var normalized = path.Replace('\\', '/');
        var isYaml = normalized.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || normalized.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);
        if (!isYaml)
        {
            return false;
        }

        if (normalized.Contains("/.github/workflows/", StringComparison.Ordinal) || normalized.StartsWith(".github/workflows/", StringComparison.Ordinal))
        {
            return true;
        }

        return YamlLoader.LoadFile(path, path, YamlLoadOptions.GitHubActions with { AllowDuplicateKeys = true }).Root is YamlMapping root
            && HasWorkflowKeys(root);
    }

    /// <summary>True when a top-level mapping has <c>on</c> and a <c>jobs</c> mapping.</summary>
    public static bool HasWorkflowKeys(YamlMapping root) => root.Find("on") is not null && root["jobs"] is YamlMapping;
}
