using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Services;
using Slipway.Core.Runtime.Steps;
using Slipway.Core.Runtime.Tasks.Files;
using Slipway.Core.Runtime.TestResults;

namespace Slipway.Core.Runtime.Tasks.Testing;

/// <summary>
/// <c>PublishTestResults@2</c>: <c>testResultsFormat</c> (alias <c>testRunner</c>: JUnit | NUnit | XUnit | VSTest),
/// <c>testResultsFiles</c> (<c>**/TEST-*.xml</c>), <c>searchFolder</c> (default working directory),
/// <c>mergeTestResults</c>, <c>failTaskOnFailedTests</c>, <c>failTaskOnFailureToPublishResults</c>,
/// <c>failTaskOnMissingResultsFile</c>, <c>testRunTitle</c>. No matching file is a warning (the task still
/// succeeds) unless <c>failTaskOnMissingResultsFile</c>.
/// </summary>
internal sealed class PublishTestResultsHandler : IStepHandler
{
    public Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TaskIo.RunAsync(() => Run(context), cancellationToken);
    }

    private static StepOutcome Run(StepContext context)
    {
        var inputs = context.Inputs;
        var format = inputs.Get("testResultsFormat", "JUnit");
        if (TestResultFormats.Parse(format) is null)
        {
            return StepOutcome.Failed($"Test result format '{format}' is not supported by Slipway (JUnit, NUnit, XUnit, VSTest).");
        }

        var patterns = TaskPaths.Lines(inputs.Get("testResultsFiles", "**/TEST-*.xml"));
        var folder = inputs.Get("searchFolder") is { Length: > 0 } s ? TaskPaths.Resolve(context, s) : TaskPaths.DefaultWorkingDirectory(context);
        var files = FileMatcher.MatchFiles(folder, patterns);
        if (files.Count == 0)
        {
            var message = $"No test result files matching '{string.Join(", ", patterns)}' were found in {folder}.";
            if (inputs.GetBool("failTaskOnMissingResultsFile", false))
            {
                return StepOutcome.Failed(message);
            }

            context.Log.Warning(message);
            return StepOutcome.Succeeded;
        }

        var title = inputs.Get("testRunTitle") is { Length: > 0 } t ? t : null;
        var groups = inputs.GetBool("mergeTestResults", false) ? [files] : files.Select(f => (IReadOnlyList<string>)[f]).ToList();
        var failed = 0;
        foreach (var group in groups)
        {
            var request = new TestResultsRequest(format, group, title ?? $"{format}_TestResults", context.Node.Identifier);
            var (summary, error) = context.Run.Services.TestResults.AddTestResults(request);
            if (summary is null)
            {
                if (inputs.GetBool("failTaskOnFailureToPublishResults", false))
                {
                    return StepOutcome.Failed(error!);
                }

                context.Log.Warning(error!);
                continue;
            }

            context.Log.Output($"Published test run '{summary.Title}': {summary.Total} total, {summary.Passed} passed, {summary.Failed} failed, {summary.Skipped} skipped.");
            foreach (var failure in summary.Failures)
            {
                context.Log.Output($"Failed: {failure.Name}{(failure.Message is { } m ? ": " + m : string.Empty)}{(failure.StackTrace is { } st ? " (" + st + ")" : string.Empty)}");
            }

            context.Run.Events.OnEvent(new TestResultsPublished(context.Run.Time.GetUtcNow(), context.Node, summary));
            failed += summary.Failed;
        }

        return failed > 0 && inputs.GetBool("failTaskOnFailedTests", false)
            ? StepOutcome.Failed("There are one or more test failures detected in result files. Detailed summary of published test results can be viewed in the Tests tab.")
            : StepOutcome.Succeeded;
    }
}
