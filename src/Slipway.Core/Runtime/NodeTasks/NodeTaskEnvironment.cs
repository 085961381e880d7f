using System.Text.Json;
using System.Text.Json.Serialization;
using Slipway.Core.Masking;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.NodeTasks;

/// <summary>
/// The environment of a Node task process, in the agent's order (AZP-TASK-5, Handler.cs): the step's
/// environment, then <c>INPUT_*</c>, the system connection endpoint, every public variable under its
/// formatted name plus <c>VSTS_PUBLIC_VARIABLES</c>, every secret as <c>SECRET_*</c> plus
/// <c>VSTS_SECRET_VARIABLES</c>. azure-pipelines-task-lib reads exactly these.
/// </summary>
internal static class NodeTaskEnvironment
{
    public const string SystemConnection = "SYSTEMVSSCONNECTION";

    public static Dictionary<string, string> Build(StepContext context, IReadOnlyDictionary<string, string> inputs)
    {
        var env = new Dictionary<string, string>(context.Environment, StringComparer.Ordinal);
        foreach (var (name, value) in inputs)
        {
            env["INPUT_" + Format(name)] = value;
        }

        AddSystemConnection(context, env);
        AddEndpoints(context.Endpoints, env);
        var publicNames = new List<string>();
        var secretNames = new List<string>();
        foreach (var variable in context.Variables.All)
        {
            if (variable.IsSecret)
            {
                env["SECRET_" + Format(variable.Name)] = variable.Value;
                secretNames.Add(variable.Name);
                continue;
            }

            if (string.Equals(variable.Name, "Agent.JobStatus", StringComparison.OrdinalIgnoreCase))
            {
                env[variable.Name] = variable.Value;
            }

            env[Format(variable.Name)] = variable.Value;
            publicNames.Add(variable.Name);
        }

        env["VSTS_PUBLIC_VARIABLES"] = JsonSerializer.Serialize(publicNames, NodeTaskJsonContext.Default.ListString);
        env["VSTS_SECRET_VARIABLES"] = JsonSerializer.Serialize(secretNames, NodeTaskJsonContext.Default.ListString);
        return env;
    }

    /// <summary>The agent's environment-name format: '.' and ' ' become '_', upper case.</summary>
    public static string Format(string name) => name.Replace('.', '_').Replace(' ', '_').ToUpperInvariant();

    /// <summary>
    /// The job's other service connections as the agent's Handler.AddEndpointsToEnvironment writes them, keyed by the id
    /// (lower-case GUID): <c>ENDPOINT_URL_id</c>, <c>ENDPOINT_AUTH_id</c> (JSON), <c>ENDPOINT_AUTH_SCHEME_id</c>,
    /// <c>ENDPOINT_AUTH_PARAMETER_id_KEY</c>, <c>ENDPOINT_DATA_id</c> (JSON) and <c>ENDPOINT_DATA_id_KEY</c>.
    /// </summary>
    public static void AddEndpoints(IEnumerable<ServiceEndpoint> endpoints, Dictionary<string, string> env)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(env);
        foreach (var endpoint in endpoints)
        {
            var id = endpoint.Id.ToString();
            env["ENDPOINT_URL_" + id] = endpoint.Url ?? string.Empty;
            if (endpoint.AuthParameters.Count > 0)
            {
                env["ENDPOINT_AUTH_" + id] = JsonSerializer.Serialize(
                    new EndpointAuthorization(new Dictionary<string, string>(endpoint.AuthParameters), ServiceEndpoint.DefaultScheme),
                    NodeTaskJsonContext.Default.EndpointAuthorization);
                env["ENDPOINT_AUTH_SCHEME_" + id] = ServiceEndpoint.DefaultScheme;
                foreach (var (key, value) in endpoint.AuthParameters)
                {
                    env["ENDPOINT_AUTH_PARAMETER_" + id + "_" + Format(key)] = value;
                }
            }

            env["ENDPOINT_DATA_" + id] = JsonSerializer.Serialize(new Dictionary<string, string>(endpoint.Data), NodeTaskJsonContext.Default.DictionaryStringString);
            foreach (var (key, value) in endpoint.Data)
            {
                env["ENDPOINT_DATA_" + id + "_" + Format(key)] = value;
            }
        }
    }

    /// <summary>
    /// <c>ENDPOINT_URL_SYSTEMVSSCONNECTION</c> and its OAuth authorization. There is no Azure DevOps server
    /// locally: the URL is <c>System.CollectionUri</c> (or a local placeholder) and the access token is a
    /// random value registered as a secret, so a task that reads it works and nothing leaks.
    /// </summary>
    private static void AddSystemConnection(StepContext context, Dictionary<string, string> env)
    {
        var url = context.Variables.Get("System.CollectionUri") is { Length: > 0 } uri ? uri : "https://localhost/slipway/";
        var token = PlaceholderTokens.Hex(20);
        context.Variables.AddSecret(token);
        var auth = new EndpointAuthorization(new Dictionary<string, string> { ["AccessToken"] = token }, "OAuth");
        env["ENDPOINT_URL_" + SystemConnection] = url;
        env["ENDPOINT_AUTH_" + SystemConnection] = JsonSerializer.Serialize(auth, NodeTaskJsonContext.Default.EndpointAuthorization);
        env["ENDPOINT_AUTH_SCHEME_" + SystemConnection] = "OAuth";
        env["ENDPOINT_AUTH_PARAMETER_" + SystemConnection + "_ACCESSTOKEN"] = token;
    }
}

/// <summary><c>ENDPOINT_AUTH_*</c> as the agent writes it: <c>{"parameters":{...},"scheme":"OAuth"}</c>.</summary>
internal sealed record EndpointAuthorization(
    [property: JsonPropertyName("parameters")] Dictionary<string, string> Parameters,
    [property: JsonPropertyName("scheme")] string Scheme);

/// <summary>Source-generated (trimming- and Native AOT-safe) serializers for the task environment.</summary>
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(EndpointAuthorization))]
internal sealed partial class NodeTaskJsonContext : JsonSerializerContext;
