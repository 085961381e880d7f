using System.Globalization;
using Slipway.Core.Execution.Output;
using Slipway.Core.Runtime.Services;

namespace Slipway.Core.Runtime.Jobs;

internal sealed partial class CommandApplier
{
    private readonly List<Task> _pending = [];

    /// <summary>Work started by commands (artifact uploads) that the step waits for before it ends.</summary>
    public Task WhenDoneAsync() => Task.WhenAll(_pending);

    private void ApplyRunCommand(AzureCommand command)
    {
        switch (command)
        {
            case AzureSetProgress progress:
                job.Recorder.Info(node, "progress", $"{progress.Percent.ToString(CultureInfo.InvariantCulture)}% {progress.CurrentOperation}".TrimEnd());
                break;
            case AzureUpdateBuildNumber number:
                job.Variables.Define("Build.BuildNumber", number.BuildNumber, isReadOnly: true);
                log.Track(job.Recorder.BuildNumberAsync(node, number.BuildNumber));
                break;
            case AzureAddBuildTag tag:
                job.Recorder.Info(node, "tag", tag.Tag);
                break;
            case AzureUploadFile file:
                Attach("file", file.Path);
                break;
            case AzureUploadLog uploaded:
                Attach("log", uploaded.Path);
                break;
            case AzureUploadSummary summary:
                Attach("summary", summary.Path);
                break;
            case AzureAddAttachment attachment:
                Attach("attachment:" + attachment.Type + ":" + attachment.Name, attachment.Path);
                break;
            case AzureArtifactUpload upload:
                _pending.Add(UploadAsync(upload));
                break;
            case AzureArtifactAssociate associate:
                Report(Services.Artifacts.Associate(associate.ArtifactName, associate.ArtifactType, associate.Location, node.Identifier));
                break;
            case AzurePassThroughCommand pass:
                PassThrough(pass.Raw);
                break;
            case AzureSetEndpoint endpoint:
                job.Endpoints.Apply(endpoint);
                break;
            case AzureLogDetail detail:
                LogDetail(detail);
                break;
            case AzureUpdateReleaseName:
                log.Warning("release.updatereleasename applies to classic releases only; ignored.");
                break;
        }
    }

    /// <summary>A detail record under the step: shown in the step log, published for the report; a refused update fails the step as on the agent.</summary>
    private void LogDetail(AzureLogDetail command)
    {
        var (record, error) = job.Details.Apply(command);
        if (record is null)
        {
            log.Error($"Unable to process command 'task.logdetail' successfully: {error}", code: Orchestration.AzureRunDiagnosticCodes.LogDetailFailed);
            FailsStep = true;
            return;
        }

        var result = record.Result is { } r ? ", " + r : string.Empty;
        var progress = record.Progress is { } p ? ", " + p.ToString(CultureInfo.InvariantCulture) + "%" : string.Empty;
        var message = record.Message is { } m ? ": " + m : string.Empty;
        log.Output($"Detail: {record.Name} ({record.Type}) {record.State}{result}{progress}{message}");
        job.Run.Events.OnEvent(new Events.DetailRecordUpdated(job.Run.Time.GetUtcNow(), node, Mask(record)));
    }

    private Events.TimelineDetail Mask(Events.TimelineDetail record) => record with
    {
        Name = job.Masker.Mask(record.Name),
        Type = job.Masker.Mask(record.Type),
        Message = record.Message is null ? null : job.Masker.Mask(record.Message),
    };

    /// <summary>Copies a file the step wants kept into the run folder (attachments/RECORD/), so it outlives the workspace.</summary>
    private void Attach(string what, string path)
    {
        var source = Path.GetFullPath(path, job.Workspace.SourcesDirectory);
        if (!File.Exists(source))
        {
            log.Warning($"Can't find the file '{path}' to upload ({what}).");
            return;
        }

        var folder = Path.Combine(job.Run.RunDirectory, "attachments", node.RecordId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, Path.GetFileName(source));
        File.Copy(source, target, overwrite: true);
        job.Recorder.Info(node, what, target);
    }

    private async Task UploadAsync(AzureArtifactUpload upload)
    {
        var request = new ArtifactPublishRequest(upload.ArtifactName, Path.GetFullPath(upload.Path, job.Workspace.SourcesDirectory), ArtifactKind.Build, node.Identifier)
        {
            ContainerFolder = upload.ContainerFolder,
        };
        Report(await Services.Artifacts.PublishAsync(request, CancellationToken.None).ConfigureAwait(false));
    }

    private void Report(ArtifactOperationResult result)
    {
        if (result.Error is { } error)
        {
            log.Error(error);
            FailsStep = true;
        }
    }

    private void PassThrough(AzureLoggingCommand raw)
    {
        if (raw.Is("results", "publish"))
        {
            var files = (raw.Property("resultFiles") ?? raw.Data).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var (summary, error) = Services.TestResults.AddTestResults(new TestResultsRequest(raw.Property("type") ?? "JUnit", files, raw.Property("runTitle"), node.Identifier));
            Publish(summary is null ? null : new Events.TestResultsPublished(job.Run.Time.GetUtcNow(), node, summary), error);
        }
        else if (raw.Is("codecoverage", "publish"))
        {
            var file = raw.Property("summaryfile") ?? raw.Data;
            var (summary, error) = Services.TestResults.AddCoverage(new CoverageRequest(raw.Property("codecoveragetool") ?? "Cobertura", file, node.Identifier));
            Publish(summary is null ? null : new Events.CoveragePublished(job.Run.Time.GetUtcNow(), node, summary), error);
        }
    }

    private void Publish(Events.RunEvent? published, string? error)
    {
        if (published is not null)
        {
            job.Run.Events.OnEvent(published);
        }
        else if (error is not null)
        {
            log.Warning(error);
        }
    }
}
