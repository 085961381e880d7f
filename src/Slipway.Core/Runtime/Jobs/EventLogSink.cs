using Slipway.Core.Diagnostics;
using Slipway.Core.Execution.Output;
using Slipway.Core.Runtime.Events;

namespace Slipway.Core.Runtime.Jobs;

/// <summary>Turns the (already masked) lines of a step log into <see cref="LogLine"/> events.</summary>
internal sealed class EventLogSink(TimelineNode node, IRunEventSink events) : ILogSink
{
    public IReadOnlyList<Diagnostic> Problems => [];

    public void WriteLine(string line)
    {
        if (AzureLogDecoration.TryParse(line, out var decoration))
        {
            var kind = decoration.Kind switch
            {
                AzureLogDecorationKind.Group => LogLineKind.Group,
                AzureLogDecorationKind.EndGroup => LogLineKind.EndGroup,
                AzureLogDecorationKind.Section => LogLineKind.Section,
                AzureLogDecorationKind.Command => LogLineKind.Command,
                AzureLogDecorationKind.Warning => LogLineKind.Warning,
                AzureLogDecorationKind.Error => LogLineKind.Error,
                _ => LogLineKind.Debug,
            };
            events.OnLogLine(new LogLine(node, kind, decoration.Text));
            return;
        }

        events.OnLogLine(new LogLine(node, LogLineKind.Output, line));
    }

    public void Flush()
    {
    }
}
