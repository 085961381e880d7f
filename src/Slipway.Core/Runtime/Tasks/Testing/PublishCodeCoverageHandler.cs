using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Services;
using Slipway.Core.Runtime.Steps;
using Slipway.Core.Runtime.Tasks.Files;
using Slipway.Core.Runtime.TestResults;

namespace Slipway.Core.Runtime.Tasks.Testing;

/// <summary>
/// <c>PublishCodeCoverageResults@2</c>: <c>summaryFileLocation</c> (required, pattern lines, rooted at the
/// default working directory), <c>pathToSources</c>, <c>failIfCoverageEmpty</c> (false). Cobertura reports
/// are merged into one summary (line and branch rates) for the end of the run.
/// </summary>
internal sealed class PublishCodeCoverageHandler : IStepHandler
{
    public Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (TaskPaths.Required(context, "summaryFileLocation", out var failure) is not { } location)
        {
            return Task.FromResult(failure!);
        }

        return TaskIo.RunAsync(() => Run(context, location), cancellationToken);
    }

    private static StepOutcome Run(StepContext context, string location)
    {
        var root = TaskPaths.DefaultWorkingDirectory(context);
        var files = FileMatcher.MatchFiles(root, TaskPaths.Lines(location));
        var failIfEmpty = context.Inputs.GetBool("failIfCoverageEmpty", false);
        if (files.Count == 0)
        {
            var message = $"No code coverage results were found to publish (summaryFileLocation: {location}).";
            return NoCoverage(context, message, failIfEmpty);
        }

        var parser = new CoberturaParser();
        foreach (var file in files)
        {
            if (parser.Add(file) is { } error)
            {
                return StepOutcome.Failed(error);
            }
        }

        var report = parser.Summary();
        if (report.LinesValid == 0)
        {
            return NoCoverage(context, "The code coverage report has no lines.", failIfEmpty);
        }

        var summary = new CoverageSummary(
            files.Count == 1 ? Path.GetFileName(files[0]) : $"{files.Count} Cobertura reports",
            report.LinesCovered,
            report.LinesValid,
            report.BranchesValid == 0 ? null : report.BranchesCovered,
            report.BranchesValid == 0 ? null : report.BranchesValid);
        summary = context.Run.Services.TestResults.AddCoverage(report, summary.Title);

        context.Log.Output($"Line coverage: {report.LinesCovered}/{report.LinesValid} ({report.LineRate:P1}); branch coverage: {report.BranchesCovered}/{report.BranchesValid} ({report.BranchRate:P1}).");
        context.Run.Events.OnEvent(new CoveragePublished(context.Run.Time.GetUtcNow(), context.Node, summary));
        return StepOutcome.Succeeded;
    }

    private static StepOutcome NoCoverage(StepContext context, string message, bool fail)
    {
        if (fail)
        {
            return StepOutcome.Failed(message);
        }

        context.Log.Warning(message);
        return StepOutcome.Succeeded;
    }
}
