using System.Text.Json;
using Slipway.Core.Pipelines.Azure.Schema;

namespace Slipway.Core.Tests.Pipelines;

/// <summary>The key sets the dialect accepts are the ones service-schema.json defines (AZP-RUN-1: unknown keys are errors).</summary>
public sealed class SchemaKeysTests
{
    private static readonly JsonElement Definitions = LoadDefinitions();

    public static TheoryData<string, int, string[]> Objects => new()
    {
        { "stage", 0, AzureKeys.Stage },
        { "job", 0, AzureKeys.Job },
        { "job", 1, AzureKeys.Deployment },
        { "trigger", 2, AzureKeys.Trigger },
        { "pr", 2, AzureKeys.Pr },
        { "includeExcludeFilters", -1, AzureKeys.IncludeExclude },
        { "schedule", -1, AzureKeys.Schedule },
        { "resources", 0, AzureKeys.Resources },
        { "repositoryResource", -1, AzureKeys.RepositoryResource },
        { "pipelineResource", -1, AzureKeys.PipelineResource },
        { "pipelineResourceTrigger", 2, AzureKeys.PipelineResourceTrigger },
        { "containerBase", -1, AzureKeys.ContainerBase },
        { "containerResource", -1, AzureKeys.ContainerResource },
        { "containerResourceTrigger", 2, AzureKeys.ContainerResourceTrigger },
        { "readOnlyMounts", -1, AzureKeys.ReadOnlyMounts },
        { "buildResource", -1, AzureKeys.BuildResource },
        { "packageResource", -1, AzureKeys.PackageResource },
        { "webhookResource", -1, AzureKeys.WebhookResource },
        { "webhookFilter", -1, AzureKeys.WebhookFilter },
        { "variable", 0, AzureKeys.Variable },
        { "pipelineTemplateParameter", -1, AzureKeys.Parameter },
        { "pool", 1, AzureKeys.Pool },
        { "jobWorkspace", -1, AzureKeys.Workspace },
        { "jobStrategy", 0, AzureKeys.MatrixStrategy },
        { "jobStrategy", 1, AzureKeys.ParallelStrategy },
        { "explicitResources", -1, AzureKeys.Uses },
        { "deploymentEnvironment", 1, AzureKeys.Environment },
        { "runOnceDeploymentStrategy", -1, AzureKeys.RunOnce },
        { "rollingDeploymentStrategy", -1, AzureKeys.Rolling },
        { "canaryDeploymentStrategy", -1, AzureKeys.Canary },
        { "deployHook", -1, AzureKeys.Hook },
        { "onSuccessOrFailureHook", -1, AzureKeys.OnHook },
        { "stepTarget", 1, AzureKeys.StepTarget },
        { "task", -1, AzureKeys.TaskStep },
        { "step", 1, AzureKeys.ScriptStep },
        { "step", 2, AzureKeys.PowerShellStep },
        { "step", 3, AzureKeys.PwshStep },
        { "step", 4, AzureKeys.BashStep },
        { "step", 5, AzureKeys.CheckoutStep },
        { "step", 6, AzureKeys.DownloadStep },
        { "step", 7, AzureKeys.DownloadBuildStep },
        { "step", 8, AzureKeys.GetPackageStep },
        { "step", 9, AzureKeys.UploadStep },
        { "step", 10, AzureKeys.PublishStep },
        { "step", 12, AzureKeys.ReviewAppStep },
    };

    [Theory]
    [MemberData(nameof(Objects))]
    public void AZP_RUN_1_KeySets_MatchServiceSchema(string definition, int anyOf, string[] keys)
    {
        var expected = Properties(definition, anyOf);
        if (definition == "task")
        {
            expected.Add("target"); // AZP-STEP-1 and the steps-task docs list 'target'; the schema's task definition predates it.
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AZP_DOC_2_PipelineKeys_MatchServiceSchema()
    {
        var stagesForm = Properties("pipeline", 0).Where(k => k is not ("stages" or "pool"));
        Assert.Equal(stagesForm.Order(StringComparer.Ordinal), AzureKeys.PipelineBase.Order(StringComparer.Ordinal));
        var stepsForm = Properties("pipeline", 4).Except(AzureKeys.PipelineBase);
        Assert.Equal(stepsForm.Order(StringComparer.Ordinal), AzureKeys.StepsShorthandJob.Order(StringComparer.Ordinal));
    }

    private static List<string> Properties(string definition, int anyOf)
    {
        var def = Definitions.GetProperty(definition);
        var obj = anyOf < 0 ? def : def.GetProperty("anyOf")[anyOf];
        return [.. obj.GetProperty("properties").EnumerateObject().Select(p => p.Name)];
    }

    private static JsonElement LoadDefinitions()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepoPaths.SchemaFolder, "service-schema.json")));
        return doc.RootElement.GetProperty("definitions").Clone();
    }
}
