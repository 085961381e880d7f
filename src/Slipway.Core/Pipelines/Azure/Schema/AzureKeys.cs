namespace Slipway.Core.Pipelines.Azure.Schema;

/// <summary>
/// The keys each Azure Pipelines YAML object accepts, as service-schema.json defines them
/// (a test checks these sets against the schema so they cannot drift).
/// </summary>
internal static class AzureKeys
{
    public static readonly string[] PipelineBase =
        ["name", "appendCommitMessageToRunName", "trigger", "parameters", "pr", "schedules", "resources", "variables", "lockBehavior"];

    /// <summary>Job-level keys that the <c>steps:</c> shorthand allows at the top (schema pipeline anyOf4).</summary>
    public static readonly string[] StepsShorthandJob = ["strategy", "continueOnError", "pool", "container", "services", "workspace", "steps"];

    public static readonly string[] Stage =
        ["stage", "group", "displayName", "pool", "dependsOn", "condition", "variables", "jobs", "lockBehavior", "trigger", "isSkippable", "templateContext", "checks"];

    public static readonly string[] Job =
        ["job", "displayName", "dependsOn", "condition", "continueOnError", "timeoutInMinutes", "cancelTimeoutInMinutes", "variables", "strategy", "pool", "container", "services", "workspace", "uses", "steps", "templateContext"];

    public static readonly string[] Deployment =
        ["deployment", "displayName", "dependsOn", "condition", "continueOnError", "timeoutInMinutes", "cancelTimeoutInMinutes", "variables", "pool", "environment", "strategy", "workspace", "uses", "container", "services", "templateContext"];

    public static readonly string[] Trigger = ["batch", "branches", "paths", "tags"];
    public static readonly string[] Pr = ["autoCancel", "branches", "paths", "drafts"];
    public static readonly string[] IncludeExclude = ["include", "exclude"];
    public static readonly string[] Schedule = ["cron", "displayName", "branches", "batch", "always"];
    public static readonly string[] Resources = ["builds", "containers", "pipelines", "repositories", "webhooks", "packages"];
    public static readonly string[] RepositoryResource = ["repository", "endpoint", "trigger", "checkoutOptions", "name", "ref", "type"];
    public static readonly string[] PipelineResource = ["pipeline", "project", "source", "version", "branch", "tags", "trigger"];
    public static readonly string[] PipelineResourceTrigger = ["enabled", "branches", "stages", "tags"];
    public static readonly string[] ContainerBase = ["endpoint", "env", "image", "mapDockerSocket", "options", "ports", "volumes", "mountReadOnly"];

    public static readonly string[] ContainerResource =
        ["container", "type", "trigger", "azureSubscription", "resourceGroup", "registry", "repository", "localImage", .. ContainerBase];

    public static readonly string[] ContainerResourceTrigger = ["enabled", "tags"];
    public static readonly string[] ReadOnlyMounts = ["work", "externals", "tools", "tasks"];
    public static readonly string[] BuildResource = ["build", "type", "connection", "source", "version", "branch", "trigger"];
    public static readonly string[] PackageResource = ["package", "type", "connection", "name", "version", "tag", "trigger"];
    public static readonly string[] WebhookResource = ["webhook", "connection", "type", "filters"];
    public static readonly string[] WebhookFilter = ["path", "value"];
    public static readonly string[] Variable = ["name", "value", "readonly"];
    public static readonly string[] Parameter = ["name", "displayName", "type", "default", "values"];
    public static readonly string[] Pool = ["name", "demands", "vmImage"];
    public static readonly string[] Workspace = ["clean"];
    public static readonly string[] MatrixStrategy = ["matrix", "maxParallel"];
    public static readonly string[] ParallelStrategy = ["parallel"];
    public static readonly string[] Uses = ["repositories", "pools"];
    public static readonly string[] Environment = ["name", "resourceName", "resourceId", "resourceType", "tags"];
    public static readonly string[] DeploymentStrategy = ["runOnce", "rolling", "canary"];
    public static readonly string[] RunOnce = ["preDeploy", "deploy", "routeTraffic", "postRouteTraffic", "on"];
    public static readonly string[] Rolling = ["maxParallel", .. RunOnce];
    public static readonly string[] Canary = ["increments", .. RunOnce];
    public static readonly string[] Hook = ["steps", "pool"];
    public static readonly string[] OnHook = ["failure", "success"];
    public static readonly string[] StepTarget = ["container", "commands", "settableVariables"];

    /// <summary>Properties every step kind accepts (AZP-STEP-1).</summary>
    public static readonly string[] StepCommon =
        ["condition", "continueOnError", "displayName", "target", "enabled", "env", "name", "timeoutInMinutes", "retryCountOnTaskFailure"];

    public static readonly string[] TaskStep = ["task", "inputs", .. StepCommon];
    public static readonly string[] ScriptStep = ["script", "failOnStderr", "workingDirectory", .. StepCommon];
    public static readonly string[] BashStep = ["bash", "failOnStderr", "workingDirectory", .. StepCommon];
    public static readonly string[] PowerShellStep = ["powershell", "errorActionPreference", "failOnStderr", "ignoreLASTEXITCODE", "workingDirectory", .. StepCommon];
    public static readonly string[] PwshStep = ["pwsh", "errorActionPreference", "failOnStderr", "ignoreLASTEXITCODE", "workingDirectory", .. StepCommon];

    public static readonly string[] CheckoutStep =
        ["checkout", "clean", "fetchDepth", "fetchFilter", "fetchTags", "lfs", "persistCredentials", "submodules", "path", "sparseCheckoutDirectories", "sparseCheckoutPatterns", "workspaceRepo", .. StepCommon];

    public static readonly string[] DownloadStep = ["download", "artifact", "patterns", .. StepCommon];
    public static readonly string[] DownloadBuildStep = ["downloadBuild", "artifact", "path", "patterns", "inputs", .. StepCommon];
    public static readonly string[] GetPackageStep = ["getPackage", "path", .. StepCommon];
    public static readonly string[] PublishStep = ["publish", "artifact", .. StepCommon];
    public static readonly string[] UploadStep = ["upload", "artifact", .. StepCommon];
    public static readonly string[] ReviewAppStep = ["reviewApp", .. StepCommon];

    /// <summary>The keyword that identifies each step kind, and the keys that kind accepts.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> StepKinds = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["task"] = TaskStep,
        ["script"] = ScriptStep,
        ["bash"] = BashStep,
        ["powershell"] = PowerShellStep,
        ["pwsh"] = PwshStep,
        ["checkout"] = CheckoutStep,
        ["download"] = DownloadStep,
        ["downloadBuild"] = DownloadBuildStep,
        ["getPackage"] = GetPackageStep,
        ["publish"] = PublishStep,
        ["upload"] = UploadStep,
        ["reviewApp"] = ReviewAppStep,
    };
}
