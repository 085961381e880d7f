using Slipway.Core.Expressions.GitHub;
using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Runtime.GitHub.Containers;

/// <summary>
/// A job's <c>container:</c> or one of its <c>services:</c> after evaluation (GHA-JOB-10/11): a string is the
/// image; a mapping has <c>image</c>, <c>credentials</c>, <c>env</c>, <c>ports</c>, <c>volumes</c>, <c>options</c>.
/// </summary>
/// <param name="Alias">The service id (its network alias); null for the job container.</param>
internal sealed record ContainerDefinition(string? Alias, string Image)
{
    public string? Username { get; init; }

    public string? Password { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Env { get; init; } = [];

    public IReadOnlyList<string> Ports { get; init; } = [];

    public IReadOnlyList<string> Volumes { get; init; } = [];

    public string? Options { get; init; }

    public bool IsJobContainer => Alias is null;

    /// <summary>The job container, or null when <c>container:</c> is absent or its image is empty (GitHub then runs on the host).</summary>
    public static ContainerDefinition? JobContainer(ExpressionValue value) => Parse(null, value);

    /// <summary>The services in their written order; a service whose image is empty is left out, as by the runner.</summary>
    public static IReadOnlyList<ContainerDefinition> Services(ExpressionValue value) =>
        value is ObjectValue services
            ? [.. services.Entries.Select(e => Parse(e.Key, e.Value)).OfType<ContainerDefinition>()]
            : [];

    private static ContainerDefinition? Parse(string? alias, ExpressionValue value)
    {
        if (value is StringValue text)
        {
            return text.Value.Length == 0 ? null : new ContainerDefinition(alias, text.Value);
        }

        if (value is not ObjectValue map || Text(map["image"]) is not { Length: > 0 } image)
        {
            return null;
        }

        var credentials = map["credentials"] as ObjectValue;
        return new ContainerDefinition(alias, image)
        {
            Username = credentials is null ? null : Text(credentials["username"]),
            Password = credentials is null ? null : Text(credentials["password"]),
            Env = map["env"] is ObjectValue env ? [.. env.Entries.Select(e => KeyValuePair.Create(e.Key, GitHubCoercion.ToDisplayString(e.Value)))] : [],
            Ports = List(map["ports"]),
            Volumes = List(map["volumes"]),
            Options = Text(map["options"]),
        };
    }

    private static string? Text(ExpressionValue? value) => value is null || value.IsNull ? null : GitHubCoercion.ToDisplayString(value);

    private static IReadOnlyList<string> List(ExpressionValue? value) =>
        value is ArrayValue array ? [.. array.Items.Select(GitHubCoercion.ToDisplayString).Where(s => s.Length > 0)] : [];
}
