using System.Collections.Concurrent;
using Slipway.Core.Runtime.Services;

namespace Slipway.Core.Runtime.Artifacts;

/// <summary>
/// <see cref="IArtifactStore"/> over the run's <see cref="ArtifactStore"/>: pipeline artifacts are
/// published once per name, build artifacts may be added to (as Azure's file containers allow), and a
/// name cannot be both kinds. <c>artifact.associate</c> records are kept in memory with the run.
/// </summary>
internal sealed class RunArtifactStore : IArtifactStore
{
    private readonly ArtifactStore _store;
    private readonly ConcurrentDictionary<string, ArtifactInfo> _known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _stored = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _order;

    public RunArtifactStore(ArtifactStore store)
    {
        _store = store;
    }

    public ArtifactStore Store => _store;

    public Task<ArtifactOperationResult> PublishAsync(ArtifactPublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.Run(() => Tasks.TaskIo.Guard(() => Publish(request), ArtifactOperationResult.Fail), cancellationToken);
    }

    public Task<ArtifactOperationResult> DownloadAsync(ArtifactDownloadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.Run(() => Tasks.TaskIo.Guard(() => Download(request), ArtifactOperationResult.Fail), cancellationToken);
    }

    public ArtifactOperationResult Associate(string name, string type, string location, string producedBy)
    {
        if (ArtifactNames.Validate(name) is { } invalid)
        {
            return ArtifactOperationResult.Fail(invalid);
        }

        var info = new ArtifactInfo(name, ArtifactKind.Build, location, producedBy) { AssociatedType = type, AssociatedLocation = location };
        lock (_gate)
        {
            if (!_known.TryAdd(name, info))
            {
                return ArtifactOperationResult.Fail($"Artifact {name} already exists for this run.");
            }

            _stored[name] = ++_order;
            return new ArtifactOperationResult([info], null);
        }
    }

    public IReadOnlyList<ArtifactInfo> List() => [.. _known.Values.OrderBy(a => a.Name, StringComparer.Ordinal)];

    public IReadOnlyList<ArtifactInfo> FindByPrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        lock (_gate)
        {
            return [.. _known.Values.Where(a => a.Name.StartsWith(prefix, StringComparison.Ordinal))
                .OrderByDescending(a => _stored.GetValueOrDefault(a.Name)).ThenBy(a => a.Name, StringComparer.Ordinal)];
        }
    }

    public ArtifactOperationResult Delete(string name)
    {
        lock (_gate)
        {
            if (!_known.TryRemove(name, out var info) && !_store.Exists(name))
            {
                return ArtifactOperationResult.Fail($"Artifact {name} does not exist in this run.");
            }

            _stored.TryRemove(name, out _);
            _store.Delete(name);
            return new ArtifactOperationResult(info is null ? [] : [info], null);
        }
    }

    private ArtifactOperationResult Publish(ArtifactPublishRequest request)
    {
        var info = new ArtifactInfo(request.Name, request.Kind, Path.Combine(_store.Root, request.Name), request.ProducedBy);
        if (request.Kind == ArtifactKind.Pipeline)
        {
            var result = _store.Publish(request.Name, request.SourcePath);
            if (result.Succeeded)
            {
                lock (_gate)
                {
                    _known[request.Name] = info;
                    _stored[request.Name] = ++_order;
                }
            }

            return result.Succeeded ? new ArtifactOperationResult([info], null) : ArtifactOperationResult.Fail(result.Error!);
        }

        lock (_gate)
        {
            if (_known.TryGetValue(request.Name, out var existing) && existing.Kind != ArtifactKind.Build
                || !_known.ContainsKey(request.Name) && _store.Exists(request.Name))
            {
                return ArtifactOperationResult.Fail($"Artifact {request.Name} already exists for this run as a pipeline artifact.");
            }

            var result = _store.Append(request.Name, request.SourcePath, request.ContainerFolder);
            if (!result.Succeeded)
            {
                return ArtifactOperationResult.Fail(result.Error!);
            }

            _known.TryAdd(request.Name, info);
            _stored[request.Name] = ++_order;
            return new ArtifactOperationResult([info], null);
        }
    }

    private ArtifactOperationResult Download(ArtifactDownloadRequest request)
    {
        var result = request.Name is null
            ? _store.DownloadAll(request.Patterns, request.TargetPath)
            : _store.Download(request.Name, request.Patterns, request.TargetPath);
        if (!result.Succeeded)
        {
            return ArtifactOperationResult.Fail(result.Error!);
        }

        var names = request.Name is null ? _store.Names() : [request.Name];
        return new ArtifactOperationResult(
            [.. names.Select(n => _known.GetValueOrDefault(n) ?? new ArtifactInfo(n, ArtifactKind.Pipeline, Path.Combine(_store.Root, n), string.Empty))],
            null);
    }
}
