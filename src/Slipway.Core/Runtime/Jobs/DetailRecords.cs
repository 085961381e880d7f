using System.Globalization;
using Slipway.Core.Execution.Output;
using Slipway.Core.Runtime.Events;

namespace Slipway.Core.Runtime.Jobs;

/// <summary>
/// <c>##vso[task.logdetail]</c> (AZP-LOG-20) as the agent's TaskCommandExtension keeps it: the job's detail timeline records by
/// id. A new record needs a name and a type, and its parent (if any) must exist; a known record keeps its parent. Defaults:
/// start time now and state InProgress for a new record; progress 100 and finish time now when it completes.
/// </summary>
internal sealed class DetailRecords(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, TimelineDetail> _records = [];

    /// <summary>The record after the update, or why the command was refused.</summary>
    public (TimelineDetail? Record, string? Error) Apply(AzureLogDetail command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var p = command.Properties;
        Guid? parent = null;
        if (Get(p, "parentid") is { } parentText)
        {
            if (!Guid.TryParse(parentText, out var parsed))
            {
                return (null, $"The parent timeline record id '{parentText}' is not a GUID.");
            }

            parent = parsed;
        }

        var now = time.GetUtcNow();
        lock (_lock)
        {
            var known = _records.GetValueOrDefault(command.Id);
            var state = Get(p, "state") is { } stateText ? ParseState(stateText) : null;
            if (known is not null)
            {
                if (parent is not null && parent != known.ParentId)
                {
                    return (null, "Cannot change the parent of a timeline record.");
                }
            }
            else if (Get(p, "name") is null)
            {
                return (null, "A name is required to create a timeline record.");
            }
            else if (Get(p, "type") is null)
            {
                return (null, "A type is required to create a timeline record.");
            }
            else if (parent is { } pid && pid != Guid.Empty && !_records.ContainsKey(pid))
            {
                return (null, "The parent timeline record has not been created yet.");
            }

            var record = Merge(known, command, parent, state, now);
            _records[command.Id] = record;
            return (record, null);
        }
    }

    private static TimelineDetail Merge(TimelineDetail? known, AzureLogDetail command, Guid? parent, string? state, DateTimeOffset now)
    {
        var p = command.Properties;
        var progress = int.TryParse(Get(p, "progress"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var percent) ? Math.Clamp(percent, 0, 100) : known?.Progress;
        var newState = state ?? known?.State ?? "InProgress";
        var completes = state == "Completed";
        return new TimelineDetail(command.Id)
        {
            ParentId = parent ?? known?.ParentId,
            Type = Get(p, "type") ?? known?.Type ?? string.Empty,
            Name = Get(p, "name") ?? known?.Name ?? string.Empty,
            Order = int.TryParse(Get(p, "order"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var order) ? order : known?.Order,
            StartTime = Time(Get(p, "starttime"), now) ?? known?.StartTime ?? now,
            FinishTime = Time(Get(p, "finishtime"), now) ?? known?.FinishTime ?? (completes ? now : null),
            Progress = progress ?? (completes ? 100 : null),
            State = newState,
            Result = Get(p, "result") is { } result ? ParseResult(result) : known?.Result,
            Message = command.Data.Length > 0 ? command.Data : known?.Message,
        };
    }

    private static string? Get(IReadOnlyDictionary<string, string> properties, string name) =>
        properties.FirstOrDefault(kv => string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } value ? value : null;

    /// <summary>A date as the agent parses it; an unreadable one is "now" (ParseDateTime's default).</summary>
    private static DateTimeOffset? Time(string? text, DateTimeOffset now) => text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value.ToUniversalTime() : now;

    private static string ParseState(string text) => text.Trim().ToLowerInvariant() switch
    {
        "completed" => "Completed",
        "inprogress" => "InProgress",
        _ => "Pending",
    };

    /// <summary>TaskResult names; an unknown one is Succeeded, as the agent's <c>EnumUtil.TryParse ?? Succeeded</c>.</summary>
    private static string ParseResult(string text) => text.Trim().ToLowerInvariant() switch
    {
        "succeededwithissues" => "SucceededWithIssues",
        "failed" => "Failed",
        "canceled" or "cancelled" => "Canceled",
        "skipped" => "Skipped",
        "abandoned" => "Abandoned",
        _ => "Succeeded",
    };
}
