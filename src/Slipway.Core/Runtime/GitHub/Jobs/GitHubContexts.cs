using System.Globalization;
using System.Runtime.InteropServices;
using Slipway.Core.Expressions.Values;
using Slipway.Core.Runtime.GitHub.Actions;

namespace Slipway.Core.Runtime.GitHub.Jobs;

/// <summary>
/// The <c>github</c> and <c>runner</c> contexts of a job (DOCS contexts reference), and the
/// <c>GITHUB_*</c>/<c>RUNNER_*</c> variables the runner derives from them (GHA-ENV-1).
/// </summary>
internal static class GitHubContexts
{
    public const string ServerUrl = "https://github.com";
    public const string ApiUrl = "https://api.github.com";
    public const string GraphQlUrl = "https://api.github.com/graphql";

    /// <summary>The github-context keys the runner exports as <c>GITHUB_&lt;KEY&gt;</c> (RUN <c>GitHubContext.cs</c>).</summary>
    private static readonly string[] ExportedKeys =
    [
        "action_path", "action_ref", "action_repository", "action", "actor", "actor_id", "api_url", "base_ref", "env",
        "event_name", "event_path", "graphql_url", "head_ref", "job", "output", "path", "ref_name", "ref_protected",
        "ref_type", "ref", "repository", "repository_id", "repository_owner", "repository_owner_id", "retention_days",
        "run_attempt", "run_id", "run_number", "server_url", "sha", "state", "step_summary", "triggering_actor",
        "workflow", "workflow_ref", "workflow_sha", "workspace",
    ];

    private static readonly string[] RunnerKeys = ["name", "os", "arch", "temp", "tool_cache", "debug", "environment"];

    // github.event as an expression value, made once per event (not once per job).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<System.Text.Json.Nodes.JsonObject, System.Runtime.CompilerServices.StrongBox<ExpressionValue>> Payloads = new();

    /// <summary>The job-wide part of the <c>github</c> context; <see cref="ForStep"/> adds the step's fields.</summary>
    public static ObjectValue GitHub(WorkflowJobRequest request, RunContext run, GitHubJobFolders folders, string token)
    {
        var e = request.Event;
        var payload = Payloads.GetValue(e.Payload, p => new(ValueJson.TryParse(p.ToJsonString(), out var parsed, out _) ? parsed : ObjectValue.Empty)).Value!;
        var runId = run.RunId.ToString(CultureInfo.InvariantCulture);
        var workflowPath = WorkflowPath(request.Workflow.File, run.Options.RepositoryRoot);
        var values = new List<KeyValuePair<string, ExpressionValue>>
        {
            Text("actor", e.Actor),
            Text("api_url", ApiUrl),
            Text("base_ref", e.BaseRef),
            KeyValuePair.Create("event", payload is ObjectValue ? payload : (ExpressionValue)ObjectValue.Empty),
            Text("event_name", e.Name),
            Text("event_path", folders.EventPath),
            Text("graphql_url", GraphQlUrl),
            Text("head_ref", e.HeadRef),
            Text("job", request.JobId),
            Text("ref", e.Ref),
            Text("ref_name", e.RefName),
            Text("ref_protected", "false"),
            Text("ref_type", e.RefType),
            Text("repository", e.Repository),
            Text("repository_owner", e.RepositoryOwner),
            Text("retention_days", "90"),
            Text("run_attempt", "1"),
            Text("run_id", runId),
            Text("run_number", runId),
            Text("secret_source", "Actions"),
            Text("server_url", ServerUrl),
            Text("sha", e.Sha),
            Text("token", token),
            Text("triggering_actor", e.Actor),
            Text("workflow", request.Workflow.Name ?? workflowPath),
            Text("workflow_ref", $"{e.Repository}/{workflowPath}@{e.Ref}"),
            Text("workflow_sha", e.Sha),
            Text("workspace", folders.Workspace),
        };
        AddId(values, "actor_id", e.Payload["sender"]?["id"]);
        AddId(values, "repository_id", e.Payload["repository"]?["id"]);
        AddId(values, "repository_owner_id", e.Payload["repository"]?["owner"]?["id"]);
        return new ObjectValue(values);
    }

    /// <summary>The <c>github</c> context of one step: the job's plus <c>action*</c> and the step's file-command files.</summary>
    public static ObjectValue ForStep(ObjectValue job, StepIdentity step, StepFiles files) => job.With(
    [
        Text("action", step.Action),
        Text("action_path", step.ActionPath ?? string.Empty),
        Text("action_ref", step.ActionRef ?? string.Empty),
        Text("action_repository", step.ActionRepository ?? string.Empty),
        Text("env", files.Env),
        Text("output", files.Output),
        Text("path", files.Path),
        Text("state", files.State),
        Text("step_summary", files.StepSummary),
    ]);

    /// <summary>The <c>runner</c> context: this machine as a self-hosted runner.</summary>
    public static ObjectValue Runner(GitHubJobFolders folders, bool debug)
    {
        var values = new List<KeyValuePair<string, ExpressionValue>>
        {
            Text("name", System.Environment.MachineName),
            Text("os", OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsMacOS() ? "macOS" : "Linux"),
            Text("arch", RuntimeInformation.OSArchitecture switch
            {
                Architecture.Arm64 => "ARM64",
                Architecture.Arm => "ARM",
                Architecture.X86 => "X86",
                _ => "X64",
            }),
            Text("temp", folders.Temp),
            Text("tool_cache", folders.ToolCache),
            Text("environment", "self-hosted"),
        };
        if (debug)
        {
            values.Add(Text("debug", "1"));
        }

        return new ObjectValue(values);
    }

    /// <summary>The <c>job</c> context: status, the job container (<c>id</c>, <c>network</c>) and the services (<c>id</c>, <c>network</c>, <c>ports</c>).</summary>
    public static ObjectValue Job(GitHubJobStatus status, Containers.JobContainers? containers = null) => new(
    [
        Text("status", status switch
        {
            GitHubJobStatus.Success => "success",
            GitHubJobStatus.Failure => "failure",
            _ => "cancelled",
        }),
        KeyValuePair.Create("container", (ExpressionValue)(containers?.ContainerContext() ?? new ObjectValue([Text("id", string.Empty), Text("network", string.Empty)]))),
        KeyValuePair.Create("services", (ExpressionValue)(containers?.ServicesContext() ?? ObjectValue.Empty)),
    ]);

    /// <summary>The <c>GITHUB_*</c> and <c>RUNNER_*</c> variables of a step (set last: env cannot override them, GHA-ENV-2).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Variables(ObjectValue github, ObjectValue runner)
    {
        foreach (var (key, variable) in ExportedVariables)
        {
            if (github[key] is StringValue s)
            {
                yield return KeyValuePair.Create(variable, s.Value);
            }
        }

        foreach (var (key, variable) in RunnerVariables)
        {
            if (runner[key] is StringValue s)
            {
                yield return KeyValuePair.Create(variable, s.Value);
            }
        }
    }

    // The variables' names, upper-cased once (not once per step).
    private static readonly (string Key, string Variable)[] ExportedVariables = [.. ExportedKeys.Select(k => (k, "GITHUB_" + k.ToUpperInvariant()))];
    private static readonly (string Key, string Variable)[] RunnerVariables = [.. RunnerKeys.Select(k => (k, "RUNNER_" + k.ToUpperInvariant()))];

    private static string WorkflowPath(string file, string repositoryRoot)
    {
        var relative = Path.IsPathRooted(file) ? Path.GetRelativePath(repositoryRoot, file) : file;
        return relative.Replace('\\', '/');
    }

    private static void AddId(List<KeyValuePair<string, ExpressionValue>> values, string name, System.Text.Json.Nodes.JsonNode? node)
    {
        if (node is not null)
        {
            values.Add(Text(name, node.ToJsonString().Trim('"')));
        }
    }

    private static KeyValuePair<string, ExpressionValue> Text(string name, string value) => KeyValuePair.Create(name, ExpressionValue.From(value));
}

/// <summary>Who a step is for the <c>github.action*</c> fields.</summary>
/// <param name="Action"><c>GITHUB_ACTION</c>: the step id (<c>__run</c>, <c>__run_2</c>, <c>__actions_checkout</c> when none was given).</param>
internal sealed record StepIdentity(string Action, string? ActionPath = null, string? ActionRepository = null, string? ActionRef = null);
