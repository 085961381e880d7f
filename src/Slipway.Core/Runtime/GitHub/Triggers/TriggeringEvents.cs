// placeholder: replaced by Triggers/ from ghaevents
using System.Text.Json.Nodes;
using Slipway.Core.Diagnostics;
using Slipway.Core.Runtime.GitHub.Contexts;

namespace Slipway.Core.Runtime.GitHub.Triggers;

/// <summary>What the command line says about the event: <c>--event</c>, <c>--payload</c>, <c>--base</c>.</summary>
internal sealed record EventRequest(string EventName, string RepositoryRoot)
{
    public string? PayloadFile { get; init; }

    public string? BaseRef { get; init; }
}

/// <summary>Builds the event of a run from the request and the local git state.</summary>
internal static class TriggeringEvents
{
    public static Evaluated<TriggeringEvent> Build(EventRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var payload = new JsonObject();
        if (request.PayloadFile is { } file)
        {
            if (!File.Exists(file))
            {
                return Diagnostic.Error("SLW8299", $"The payload file '{file}' was not found.", new SourceLocation(file, 0, 0));
            }

            try
            {
                payload = JsonNode.Parse(File.ReadAllText(file)) as JsonObject ?? new JsonObject();
            }
            catch (System.Text.Json.JsonException e)
            {
                return Diagnostic.Error("SLW8299", $"The payload is not JSON: {e.Message}", new SourceLocation(file, 0, 0));
            }
        }

        var repository = RuntimeComposition.CreateRepositoryInfo().Read(request.RepositoryRoot);
        return new TriggeringEvent
        {
            Name = request.EventName,
            Payload = payload,
            Ref = repository.SourceBranch ?? "refs/heads/main",
            Sha = repository.SourceVersion ?? new string('0', 40),
            BaseRef = request.BaseRef ?? string.Empty,
            Actor = repository.RequestedFor ?? Environment.UserName,
            Repository = "local/" + Path.GetFileName(Path.TrimEndingDirectorySeparator(request.RepositoryRoot)),
        };
    }
}
