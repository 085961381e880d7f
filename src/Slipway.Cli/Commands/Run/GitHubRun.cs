using System.CommandLine;
using Slipway.Core.Masking;
using Slipway.Core.Pipelines.Azure;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Runs;
using Slipway.Core.Runtime;
using Slipway.Core.Runtime.GitHub.Contexts;
using Slipway.Core.Runtime.GitHub.Triggers;
using Slipway.Core.Runtime.GitHub.Workflows;
using Slipway.Core.Runtime.Reporting;
using Slipway.Core.Runtime.Repositories;

namespace Slipway.Cli.Commands.Run;

/// <summary>
/// <c>slipway run</c> for GitHub workflows: the named workflow, or every workflow in <c>.github/workflows/</c>
/// when no file is named and there is no Azure pipeline. Each workflow the event triggers is its own run,
/// one after another; the others are reported as skipped. Exit 0 when every run succeeded, 1 when one failed
/// or was canceled, 2 for an invalid workflow, payload or usage.
/// </summary>
internal static class GitHubRun
{
    /// <summary>The exit code, or null when the command is not about GitHub workflows.</summary>
    public static async Task<int?> TryRunAsync(ParseResult parse, PipelineInput input, RunCommandOptions cli, CliConsole console)
    {
        var cwd = input.WorkingDirectory(parse);
        var candidates = Candidates(parse.GetValue(input.File), cwd);
        if (candidates.Count == 0)
        {
            return null;
        }

        var options = cli.GitHub;
        if (RunCommand.ReadSecrets(parse, cli, console) is not { } secrets
            || !PipelineInput.TryPairs(parse.GetValue(input.Vars), "--var", console, out var vars)
            || !PipelineInput.TryPairs(parse.GetValue(options.Inputs), "--input", console, out var inputs)
            || !PipelineInput.TryPairs(parse.GetValue(input.Repos), "--repo", console, out var repos))
        {
            return ExitCodes.Invalid;
        }

        var root = RepositoryRootOf(candidates[0].Path);
        var git = GitCli.FromCurrentProcess();
        // git's answers depend only on the folder (and the event, when it is named or is the default): they are
        // read, and the event built, while the workflows are read.
        EventRequest Request(string name) => new(name, root)
        {
            PayloadFile = parse.GetValue(options.Payload) is { } payload ? Path.GetFullPath(payload, cwd) : null,
            BaseRef = parse.GetValue(options.Base),
        };
        var knownEvent = parse.GetValue(options.Event) ?? (parse.GetValue(input.File) is null ? "push" : null);
        var early = Task.Run(() =>
        {
            var read = TriggeringEvents.ReadRepository(root, git, forPush: knownEvent is null or EventNames.Push);
            return (Repository: read, Event: knownEvent is null ? (Evaluated<TriggeringEvent>?)null : TriggeringEvents.Build(Request(knownEvent), read, git));
        });
        var actions = parse.GetValue(options.ActionsDirectory) is { } dir ? Path.GetFullPath(dir, cwd) : WorkflowLoader.DefaultActionsDirectory;
        var loader = new WorkflowLoader(root, actions);
        var workflows = Read(candidates, loader, console);
        var (repository, knownBuilt) = await early.ConfigureAwait(false);
        if (workflows is null)
        {
            return ExitCodes.Invalid;
        }

        var jobs = parse.GetValue(cli.Jobs) ?? [];
        var unknown = jobs.Where(j => !workflows.Any(w => w.Workflow.Jobs.Any(job => string.Equals(job.Id.Value, j, StringComparison.OrdinalIgnoreCase)))).ToList();
        if (unknown.Count > 0)
        {
            console.Error.WriteLine($"slipway: no job of the workflow is named {string.Join(", ", unknown)}.");
            return ExitCodes.Invalid;
        }

        var eventName = parse.GetValue(options.Event)
            ?? (parse.GetValue(input.File) is not null ? (workflows[0].Workflow.Events.Items is [var first, ..] ? first.Name : null) : null)
            ?? "push";
        var built = knownBuilt ?? TriggeringEvents.Build(Request(eventName), repository, git);
        if (!built.IsSuccess)
        {
            console.Report([built.Error]);
            return ExitCodes.Invalid;
        }

        console.Report(built.Value.Warnings);

        var runOptions = new RunOptions
        {
            RepositoryRoot = root,
            Parallel = parse.GetValue(cli.Parallel) is > 0 and var n ? n : Environment.ProcessorCount,
            Jobs = jobs,
            Secrets = secrets,
            Debug = parse.GetValue(cli.Debug),
            ActionsDirectory = actions,
            RepositoryPaths = repos.ToDictionary(r => r.Key, r => Path.GetFullPath(r.Value, cwd), StringComparer.OrdinalIgnoreCase),
            Dirty = parse.GetValue(cli.Dirty),
            BaseEnvironment = Core.Runtime.Jobs.StepEnvironment.MachineEnvironment(),
        };
        var json = string.Equals(parse.GetValue(cli.Output), "json", StringComparison.OrdinalIgnoreCase);
        var notes = json ? console.Error : console.Out;
        var failed = false;
        var ran = 0;
        var reports = new List<MaskedRunReport>();
        foreach (var (display, workflow) in workflows)
        {
            var match = WorkflowTriggers.Match(workflow, built.Value);
            if (!match.Triggered)
            {
                notes.WriteLine($"skipped {display}: {match.Reason}");
                continue;
            }

            var e = built.Value;
            if (e.Name == "workflow_dispatch")
            {
                var bound = DispatchInputs.Bind(workflow, e, inputs);
                if (!bound.IsSuccess)
                {
                    console.Report([bound.Error]);
                    return ExitCodes.Invalid;
                }

                e = bound.Value;
            }

            ran++;
            var masker = SecretMasker.ForGitHubActions();
            var request = new GitHubRunRequest
            {
                Workflow = workflow,
                WorkflowPath = display,
                Event = e,
                Options = runOptions,
                Vars = vars,
                Loader = loader,
                Masker = masker,
                Repository = GitRepositoryInfoProvider.ToRuntime(repository.Info),
            };
            var result = await RunCommand.WithViewsAsync(parse, cli, console, masker, (sink, keys) =>
                GitHubLocalRun.RunAsync(request, sink, WorkflowJobRunners.Create, TimeProvider.System, keys.Cancel, keys.Kill), report => reports.Add(new(report, masker.Mask))).ConfigureAwait(false);
            failed |= !RunResults.IsSuccess(result.Result);
            if (result.Result == RunResult.Canceled)
            {
                break;
            }
        }

        if (ran == 0)
        {
            notes.WriteLine($"slipway: no workflow runs for the '{eventName}' event.");
        }
        else
        {
            WriteReports(reports, json, parse.GetValue(cli.Report), console);
        }

        return failed ? ExitCodes.Failed : ExitCodes.Success;
    }

    /// <summary>One report for all the runs (one run: its report, as for Azure; several: <c>runs</c>, see <see cref="RunReportsJson"/>).</summary>
    private static void WriteReports(List<MaskedRunReport> reports, bool json, string? file, CliConsole console)
    {
        if (reports.Count == 0)
        {
            return;
        }

        if (json)
        {
            try
            {
                RunReportsJson.Write(reports, console.Out);
            }
            catch (IOException e)
            {
                console.Error.WriteLine(Core.Diagnostics.Diagnostic.Error(ReportingDiagnosticCodes.ReportWriteFailed, $"Could not write the run report to standard output: {e.Message}", Core.Diagnostics.SourceLocation.None).ToString());
            }
        }

        if (file is not null && RunReportsJson.TryWriteFile(reports, Path.GetFullPath(file, console.WorkingDirectory)) is { } failed)
        {
            console.Error.WriteLine(failed.ToString());
        }
    }

    /// <summary>The named workflow, or with no FILE and no Azure pipeline every workflow in <c>.github/workflows/</c>.</summary>
    private static List<(string Path, string Display)> Candidates(string? file, string cwd)
    {
        var located = PipelineLocator.Locate(file, cwd);
        return located.Pipeline is { Syntax: PipelineFileSyntax.GitHubActions } one ? [(one.FullPath, one.DisplayPath)]
            : file is null && located.Error is not null ? [.. PipelineLocator.Workflows(cwd).Select(p => (p, Path.GetRelativePath(cwd, p)))]
            : [];
    }

    /// <summary>Reads every candidate; null after reporting the errors when any is invalid (nothing runs then).</summary>
    private static List<(string Display, Workflow Workflow)>? Read(List<(string Path, string Display)> candidates, WorkflowLoader loader, CliConsole console)
    {
        var workflows = new List<(string, Workflow)>();
        var valid = true;
        foreach (var (path, display) in candidates)
        {
            var result = loader.Read(path, display);
            if (console.Report(result.Diagnostics) || result.Workflow is null)
            {
                valid = false;
                continue;
            }

            workflows.Add((display, result.Workflow));
        }

        foreach (var missing in loader.MissingRemote.Distinct(StringComparer.Ordinal))
        {
            console.Error.WriteLine($"slipway: the called workflow '{missing}' is not in the actions cache: expected {loader.RemotePath(missing) ?? missing} (--actions-dir).");
        }

        return valid ? workflows : null;
    }

    /// <summary>The folder with <c>.git</c> above the workflow, else the folder holding <c>.github/</c>, else the workflow's folder.</summary>
    private static string RepositoryRootOf(string workflowPath)
    {
        var root = RepositoryRoot.Find(workflowPath);
        if (Directory.Exists(Path.Combine(root, ".git")) || File.Exists(Path.Combine(root, ".git")))
        {
            return root;
        }

        var dir = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(workflowPath))!);
        return dir is { Name: "workflows", Parent: { Name: ".github", Parent: { } repository } } ? repository.FullName : root;
    }
}
