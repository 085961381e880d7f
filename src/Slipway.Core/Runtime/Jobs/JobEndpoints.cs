using Slipway.Core.Execution.Output;
using Slipway.Core.Runtime.Steps;

namespace Slipway.Core.Runtime.Jobs;

/// <summary>
/// The job's service connections as <c>##vso[task.setendpoint id=..;field=url|authParameter|dataParameter;key=..]value</c>
/// leaves them (AZP-LOG-19) for its later steps. Auth parameter values are registered as secrets when the command is read.
/// </summary>
internal sealed class JobEndpoints
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, ServiceEndpoint> _endpoints = [];

    public IReadOnlyList<ServiceEndpoint> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _endpoints.Values];
            }
        }
    }

    public void Apply(AzureSetEndpoint command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var id = Guid.Parse(command.Id);
        lock (_lock)
        {
            var endpoint = _endpoints.GetValueOrDefault(id)
                ?? new ServiceEndpoint(id, null, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
            _endpoints[id] = command.Field switch
            {
                AzureEndpointField.Url => endpoint with { Url = command.Value },
                AzureEndpointField.AuthParameter => endpoint with { AuthParameters = With(endpoint.AuthParameters, command.Key!, command.Value) },
                _ => endpoint with { Data = With(endpoint.Data, command.Key!, command.Value) },
            };
        }
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> values, string key, string value) =>
        new(values, StringComparer.OrdinalIgnoreCase) { [key] = value };
}
