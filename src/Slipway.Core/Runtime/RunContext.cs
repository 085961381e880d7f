using System.Globalization;
using Slipway.Core.Masking;
using Slipway.Core.Planning;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Services;
using Slipway.Core.Runtime.Workspace;

namespace Slipway.Core.Runtime;

/// <summary>Run-level facts and services every job and step shares. Built once per run.</summary>
internal sealed class RunContext
{
    public required long RunId { get; init; }

    /// <summary><c>.slipway/runs/&lt;id&gt;/</c>: logs, job work folders, artifacts.</summary>
    public required string RunDirectory { get; init; }

    /// <summary>The <c>.slipway/</c> folder (run store, caches of this repository).</summary>
    public required string StoreDirectory { get; init; }

    public required Plan Plan { get; init; }

    /// <summary>
    /// The store-relative path of a step's log (<c>runs/&lt;id&gt;/logs/&lt;job record&gt;_&lt;file&gt;</c>), its folder made
    /// on the run's first log. One folder for the run's logs, each file named after its job: a folder per job cost a
    /// directory operation per job (and, for Azure, a failed one per step).
    /// </summary>
    public string StepLogPath(long jobRecordId, string file)
    {
        var folder = Path.Combine("runs", RunId.ToString(CultureInfo.InvariantCulture), "logs");
        if (!Volatile.Read(ref _logFolderMade))
        {
            Directory.CreateDirectory(Path.Combine(StoreDirectory, folder));
            Volatile.Write(ref _logFolderMade, true);
        }

        return Path.Combine(folder, jobRecordId.ToString(CultureInfo.InvariantCulture) + "_" + file);
    }

    private bool _logFolderMade;

    public required RunOptions Options { get; init; }

    public required TimeProvider Time { get; init; }

    /// <summary>When the run started (UTC): <c>pipeline.startTime</c> in runtime expressions (AZP-EXPR-44).</summary>
    public DateTimeOffset StartTime { get; init; }

    /// <summary>The one masker of the run: every secret from every job is masked everywhere.</summary>
    public required SecretMasker Masker { get; init; }

    public required IRunEventSink Events { get; init; }

    public required RunServices Services { get; init; }

    public required RepositoryInfo Repository { get; init; }

    /// <summary>The environment every step starts from: <see cref="RunOptions.BaseEnvironment"/>, else this
    /// process's environment read once for the run (not once per step).</summary>
    public IReadOnlyDictionary<string, string> BaseEnvironment =>
        Options.BaseEnvironment ?? (_machineEnvironment ??= Jobs.StepEnvironment.MachineEnvironment());

    private Dictionary<string, string>? _machineEnvironment;

    /// <summary>The run's work, tools and slot temp folders (worked out once per run).</summary>
    public RunFolders Folders => LazyInitializer.EnsureInitialized(ref _folders, () => new RunFolders(
        WorkFolder.ForRun(Options.RepositoryRoot, RunId), Options.ToolsDirectory ?? Path.Combine(StoreDirectory, "tools"), Janitor));

    private RunFolders? _folders;

    /// <summary>Deletes the jobs' temp folders off their path (<see cref="FolderJanitor.Immediate"/> when not set).</summary>
    public FolderJanitor Janitor { get; init; } = FolderJanitor.Immediate;
}

/// <summary>The pluggable run-level services (see <see cref="RuntimeComposition"/>).</summary>
internal sealed record RunServices
{
    public required IArtifactStore Artifacts { get; init; }

    public required ICacheStore Cache { get; init; }

    public required ITestResultsCollector TestResults { get; init; }
}

/// <summary>What a services factory gets to build the run's services.</summary>
internal sealed record RunServicesRequest(long RunId, string RunDirectory, string StoreDirectory, RunOptions Options, TimeProvider Time);
