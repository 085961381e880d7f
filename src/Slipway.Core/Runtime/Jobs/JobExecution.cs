using Slipway.Core.Masking;
using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Steps;
using Slipway.Core.Runtime.Variables;
using Slipway.Core.Runtime.Workspace;

namespace Slipway.Core.Runtime.Jobs;

/// <summary>The mutable state of one running job: variables, PATH additions, outputs, status.</summary>
internal sealed class JobExecution
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _outputs = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<PostJobStep> _postJob = [];
    private DetailRecords? _details;

    public required RunContext Run { get; init; }

    public required RunRecorder Recorder { get; init; }

    public required StepHandlerRegistry Handlers { get; init; }

    public required TimelineNode Node { get; init; }

    public required JobPlan Job { get; init; }

    public required JobWorkspace Workspace { get; init; }

    public required VariableStore Variables { get; init; }

    public required Orchestration.Counters Counters { get; init; }

    /// <summary>Prefix of this job's output keys as other jobs see them ('' regular, 'leg.' for a matrix leg).</summary>
    public string OutputPrefix { get; set; } = string.Empty;

    public TimeSpan CancelGracePeriod { get; init; } = TimeSpan.FromMinutes(5);

    public List<string> PrependPath { get; } = [];

    /// <summary>Service connections set by <c>task.setendpoint</c>, for later tasks.</summary>
    public JobEndpoints Endpoints { get; } = new();

    /// <summary>Detail timeline records of <c>task.logdetail</c>.</summary>
    public DetailRecords Details => _details ??= new DetailRecords(Run.Time);

    public SecretMasker Masker => Run.Masker;

    public bool Debug { get; set; }

    /// <summary>Agent.JobStatus: the worst result of the steps so far (continueOnError failures count as issues).</summary>
    public RunResult Status { get; private set; } = RunResult.Succeeded;

    /// <summary>Set when the run or the job was canceled (Ctrl-C or job timeout).</summary>
    public bool IsCanceled { get; set; }

    public bool TimedOut { get; set; }

    public int StepCounter { get; set; }

    /// <summary>Outputs as <c>dependencies.&lt;job&gt;.outputs</c> keys them: prefix + step + '.' + name.</summary>
    public IReadOnlyDictionary<string, string> Outputs
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, string>(_outputs, StringComparer.OrdinalIgnoreCase);
            }
        }
    }

    public IReadOnlyList<PostJobStep> PostJobSteps => _postJob;

    public void AddOutput(string key, string value)
    {
        lock (_lock)
        {
            _outputs[key] = value;
        }
    }

    public void AddPostJob(PostJobStep step) => _postJob.Add(step);

    /// <summary>The job's processes: their tracking id and the steps' process groups, ended with the job.</summary>
    public Execution.Processes.JobProcesses Processes { get; } = new();

    public void Report(RunResult stepResult)
    {
        Status = RunResults.Worse(Status, stepResult);
        Variables.Define("Agent.JobStatus", Status.ToString(), isReadOnly: true);
    }

    public void ResetStatus()
    {
        Status = RunResult.Succeeded;
        Variables.Define("Agent.JobStatus", Status.ToString(), isReadOnly: true);
    }
}

/// <summary>A step registered by another step to run when the job ends (Cache@2's save).</summary>
internal sealed record PostJobStep(string DisplayName, Func<StepContext, CancellationToken, Task<StepOutcome>> Run, string Condition, StepPlan Owner);
