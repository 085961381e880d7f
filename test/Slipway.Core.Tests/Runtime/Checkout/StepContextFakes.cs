using Slipway.Core.Masking;
using Slipway.Core.Planning;
using Slipway.Core.Runs;
using Slipway.Core.Runtime;
using Slipway.Core.Runtime.Events;
using Slipway.Core.Runtime.Services;
using Slipway.Core.Runtime.Steps;
using Slipway.Core.Runtime.Workspace;

namespace Slipway.Core.Tests.Runtime.Checkout;

/// <summary>A <see cref="StepContext"/> for one step of a compiled plan, with recording fakes at the runtime's boundaries.</summary>
internal sealed class StepContextFakes
{
    public FakeVariables Variables { get; } = new();

    public FakeLogger Log { get; } = new();

    public static StepContext Create(
        StepContextFakes fakes, Plan plan, StepPlan step, JobWorkspace workspace, RepositoryInfo repository, RunOptions options, IReadOnlyDictionary<string, string> environment)
    {
        var stage = new TimelineNode(RecordKind.Stage, "__default", "__default", null);
        var job = new TimelineNode(RecordKind.Job, "Job", "Job", stage);
        return new StepContext
        {
            Step = step,
            Inputs = new StepInputs(step.Inputs.Select(i => KeyValuePair.Create(i.Name, i.Value))),
            DisplayName = step.DisplayName ?? step.Name,
            Workspace = workspace,
            Variables = fakes.Variables,
            Log = fakes.Log,
            Environment = environment,
            Processes = new NoProcesses(),
            Node = new TimelineNode(RecordKind.Step, step.Name, step.Name, job),
            PostJob = new NoPostJob(),
            Run = new RunContext
            {
                RunId = 1,
                RunDirectory = Path.Combine(options.RepositoryRoot, ".slipway", "runs", "1"),
                StoreDirectory = Path.Combine(options.RepositoryRoot, ".slipway"),
                Plan = plan,
                Options = options,
                Time = TimeProvider.System,
                Masker = new SecretMasker(SecretMaskerOptions.AzurePipelines),
                Events = new CompositeRunEventSink([]),
                Services = new RunServices
                {
                    Artifacts = new UnavailableArtifactStore(),
                    Cache = new UnavailableCacheStore(),
                    TestResults = new SummingTestResultsCollector(),
                },
                Repository = repository,
            },
        };
    }

    internal sealed class FakeVariables : IStepVariables
    {
        public Dictionary<string, string> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Names <see cref="Set"/> refuses, as the runtime refuses read-only predefined variables.</summary>
        public HashSet<string> ReadOnly { get; } = new(StringComparer.OrdinalIgnoreCase);

        public IReadOnlyList<VariableValue> All => [.. Values.Select(v => new VariableValue(v.Key, v.Value, false, false))];

        public string? Get(string name) => Values.GetValueOrDefault(name);

        public bool Set(string name, string value, bool isSecret = false, bool isOutput = false, bool isReadOnly = false)
        {
            if (ReadOnly.Contains(name))
            {
                return false;
            }

            Values[name] = value;
            return true;
        }

        public void SetSystem(string name, string value) => Values[name] = value;

        public void AddSecret(string value)
        {
        }

        public void PrependPath(string path)
        {
        }

        public string Expand(string text) => text;
    }

    internal sealed class FakeLogger : IStepLogger
    {
        private readonly Lock _gate = new();

        public List<string> Lines { get; } = [];

        public bool IsDebugEnabled => true;

        public void Output(string line) => Add(line);

        public void Command(string line) => Add("##[command]" + line);

        public void Debug(string line) => Add("##[debug]" + line);

        public void Section(string title) => Add("##[section]" + title);

        public void Group(string title) => Add("##[group]" + title);

        public void EndGroup() => Add("##[endgroup]");

        public void Warning(string message, string? file = null, int? line = null, int? column = null, string? code = null) => Add($"##[warning]{code}: {message}");

        public void Error(string message, string? file = null, int? line = null, int? column = null, string? code = null) => Add($"##[error]{code}: {message}");

        private void Add(string line)
        {
            lock (_gate)
            {
                Lines.Add(line);
            }
        }
    }

    private sealed class NoProcesses : IStepProcessRunner
    {
        public Task<StepProcessResult> RunAsync(StepProcessRequest request, CancellationToken cancellationToken) =>
            throw new NotSupportedException("the checkout handler runs git itself");
    }

    private sealed class NoPostJob : IPostJobSteps
    {
        public void Add(string displayName, Func<StepContext, CancellationToken, Task<StepOutcome>> run, string condition = "succeeded()")
        {
        }
    }
}
