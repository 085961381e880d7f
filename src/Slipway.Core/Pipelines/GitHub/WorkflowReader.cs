using Slipway.Core.Diagnostics;
using Slipway.Core.Pipelines.GitHub.Conversion;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Reading;
using Slipway.Core.Pipelines.GitHub.Schema;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Slipway.Core.Yaml;
using Codes = Slipway.Core.Pipelines.GitHub.GitHubWorkflowDiagnosticCodes;

namespace Slipway.Core.Pipelines.GitHub;

internal sealed record WorkflowReaderOptions
{
    /// <summary>
    /// Looks up the text of a called workflow for a job's <c>uses:</c> reference. Null provider: called
    /// workflows are not read (their jobs stay unknown).
    /// </summary>
    public Func<string, WorkflowFileLookup>? FileProvider { get; init; }

    /// <summary>
    /// The repository's default GITHUB_TOKEN permissions (<c>LimitedRead</c> or <c>Write</c>): a called workflow
    /// may not ask for more than its caller allows or, when the caller says nothing, than this policy. Null: only
    /// the caller's explicit permissions are checked.
    /// </summary>
    public string? PermissionsPolicy { get; init; }

    /// <summary>
    /// Check <c>on</c> against the known events and their keys (GitHub's strict schema), so a misspelt event is
    /// an error. GitHub's shared parser test data reads with the loose schema, which is the default.
    /// </summary>
    public bool StrictEvents { get; init; }

    /// <summary>
    /// GitHub's <c>allowBackgroundSteps</c> feature: <c>background</c>, <c>wait</c>, <c>wait-all</c>, <c>cancel</c>,
    /// <c>parallel</c> steps. On by default (generally available on GitHub since June 2026); GitHub's parser test data
    /// turns it on per case, so its conformance test sets it from each case.
    /// </summary>
    public bool AllowBackgroundSteps { get; init; } = true;

    /// <summary>The most characters a workflow file may hold (GitHub: 1 MiB).</summary>
    public int MaxFileSize { get; init; } = 1024 * 1024;

    /// <summary>How deeply mappings and sequences may nest (GitHub: 50).</summary>
    public int MaxDepth { get; init; } = 50;

    /// <summary>The most jobs a workflow may hold, counting the jobs of called workflows; 0 is no limit.</summary>
    public int MaxJobLimit { get; init; }

    /// <summary>How deep reusable workflows may call each other (GitHub's parser default is 4).</summary>
    public int MaxReusableWorkflowDepth { get; init; } = 4;

    public static WorkflowReaderOptions Default { get; } = new();
}

/// <summary>The text of a called workflow; <see cref="Skipped"/> when it is out of reach (another repository).</summary>
internal sealed record WorkflowFileLookup(string? Content, bool Skipped = false)
{
    public static WorkflowFileLookup NotFound { get; } = new((string?)null);

    public static WorkflowFileLookup OutOfReach { get; } = new(null, Skipped: true);
}

/// <summary>The workflow (null when there were errors) and every problem found, in GitHub's order.</summary>
internal sealed record WorkflowReadResult(Workflow? Workflow, IReadOnlyList<WorkflowError> Errors)
{
    /// <summary>The files read: the workflow first, then called workflows in the order they were read.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    public IReadOnlyList<Diagnostic> Diagnostics => Errors.Select(e => e.ToDiagnostic()).ToList();
}

/// <summary>
/// Reads a GitHub Actions workflow: YAML, then GitHub's schema (keys, types, expressions and their
/// contexts), then GitHub's conversion rules (ids, needs graph, conditions, steps, matrices,
/// reusable workflow calls). Bad input never throws: every problem is an error with a location.
/// </summary>
internal static class WorkflowReader
{
    private static readonly YamlLoadOptions LoadOptions = YamlLoadOptions.GitHubActions with { AllowDuplicateKeys = true };

    /// <summary>Reads a workflow file. Local reusable workflows (<c>./.github/workflows/x.yml</c>) are read from the repository that holds the file.</summary>
    public static WorkflowReadResult Read(string path, string? displayPath = null, WorkflowReaderOptions? options = null)
    {
        displayPath ??= path;
        options ??= WorkflowReaderOptions.Default with { FileProvider = LocalFiles(path) };
        var loaded = YamlLoader.LoadFile(path, displayPath, LoadOptions);
        var errors = new WorkflowErrors();
        if (!loaded.HasErrors && new FileInfo(path).Length > options.MaxFileSize
            && !YamlChecks.FileSizeOk(File.ReadAllText(path), displayPath, options.MaxFileSize, errors))
        {
            return new WorkflowReadResult(null, errors.Items) { Files = [displayPath] };
        }

        return FromYaml(loaded, displayPath, options);
    }

    public static WorkflowReadResult ReadText(string text, string file, WorkflowReaderOptions? options = null)
    {
        options ??= WorkflowReaderOptions.Default;
        var errors = new WorkflowErrors();
        return YamlChecks.FileSizeOk(text, file, options.MaxFileSize, errors)
            ? FromYaml(YamlLoader.Load(text, file, LoadOptions), file, options)
            : new WorkflowReadResult(null, errors.Items) { Files = [file] };
    }

    private static WorkflowReadResult FromYaml(YamlLoadResult loaded, string file, WorkflowReaderOptions options)
    {
        var errors = new WorkflowErrors();
        var files = new List<string> { file };
        if (ReadRoot(loaded, file, errors, options) is not MappingToken root || errors.Count > 0)
        {
            return new WorkflowReadResult(null, errors.Items) { Files = files };
        }

        var workflow = WorkflowConverter.Convert(file, root, errors, options.AllowBackgroundSteps);
        var reusable = new ReusableWorkflows(options, errors, (name, text) =>
        {
            if (!files.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                files.Add(name);
            }

            return YamlChecks.FileSizeOk(text, name, options.MaxFileSize, errors)
                ? ReadRoot(YamlLoader.Load(text, name, LoadOptions), name, errors, options) as MappingToken
                : null;
        });
        workflow = workflow with { Jobs = reusable.Load(workflow.Jobs, 1) };
        if (options.MaxJobLimit > 0 && CountJobs(workflow.Jobs) > options.MaxJobLimit)
        {
            errors.Add(Codes.Limit, $"The workflow may not contain more than {options.MaxJobLimit} jobs", SourceLocation.None);
        }

        return new WorkflowReadResult(errors.Count == 0 ? workflow : null, errors.Items) { Files = files };
    }

    private static int CountJobs(IReadOnlyList<WorkflowJob> jobs) =>
        jobs.Sum(j => 1 + (j is ReusableWorkflowJob call ? CountJobs(call.Jobs) : 0));

    private static TemplateToken? ReadRoot(YamlLoadResult loaded, string file, WorkflowErrors errors, WorkflowReaderOptions options)
    {
        if (loaded.HasErrors)
        {
            foreach (var diagnostic in loaded.Diagnostics.Where(d => d.IsError))
            {
                errors.Add(diagnostic.Code, diagnostic.Message, diagnostic.Location);
            }

            return null;
        }

        var root = loaded.Root ?? new YamlScalar(string.Empty, ScalarStyle.Plain, new SourceLocation(file, 1, 1));
        if (!YamlChecks.NodesOk(root, options.MaxDepth, errors))
        {
            return null;
        }

        var before = errors.Count;
        var token = new TemplateReader(errors, options.AllowBackgroundSteps).Read(root, WorkflowSchema.Workflow.RootInfo(options.StrictEvents));
        return errors.Count == before ? token : null;
    }

    private static Func<string, WorkflowFileLookup> LocalFiles(string workflowPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(workflowPath));
        var repositoryRoot = directory;
        while (repositoryRoot is not null && !Directory.Exists(Path.Combine(repositoryRoot, ".github")))
        {
            repositoryRoot = Path.GetDirectoryName(repositoryRoot);
        }

        return reference =>
        {
            if (repositoryRoot is null || !reference.StartsWith("./", StringComparison.Ordinal))
            {
                return WorkflowFileLookup.OutOfReach;
            }

            var full = Path.GetFullPath(Path.Combine(repositoryRoot, reference[2..]));
            return full.StartsWith(repositoryRoot, StringComparison.Ordinal) && File.Exists(full)
                ? new WorkflowFileLookup(File.ReadAllText(full))
                : WorkflowFileLookup.NotFound;
        };
    }
}
