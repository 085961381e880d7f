using Slipway.Core.Diagnostics;
using Slipway.Core.Planning;

namespace Slipway.Core.Pipelines.Azure;

/// <summary>What to compile and the values given on the command line.</summary>
public sealed record CompileRequest
{
    /// <summary>The pipeline file on disk.</summary>
    public required string FilePath { get; init; }

    /// <summary>The path shown in diagnostics (defaults to <see cref="FilePath"/>).</summary>
    public string? DisplayPath { get; init; }

    /// <summary>The repository root; found by looking for <c>.git</c> above the file when null.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Runtime parameters (<c>--param name=value</c>), for the template step.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Local paths of repository resources (<c>--repo alias=PATH</c>), for the template step.</summary>
    public IReadOnlyDictionary<string, string> RepositoryPaths { get; init; } = new Dictionary<string, string>();

    /// <summary>Queue-time variables (<c>--var name=value</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Variables { get; init; } = [];

    /// <summary>Folders with task packages (<c>--tasks-dir</c>); <c>&lt;repo&gt;/.slipway/tasks</c> is always searched too.</summary>
    public IReadOnlyList<string> TaskDirectories { get; init; } = [];
}

/// <summary>The plan (null when the file could not be read into one) and everything found wrong, in order.</summary>
public sealed record CompileResult(Plan? Plan, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Plan is null || Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// The one entry point from a file to a plan: load and expand (the <see cref="IPipelineExpander"/>:
/// YAML with positions, then templates) → dialect (shorthands, defaults) → validate.
/// </summary>
public sealed class AzurePipelineCompiler(IPipelineExpander expander)
{
    /// <summary>The compiler the CLI uses. When the template engine lands, it is plugged in here.</summary>
    public static AzurePipelineCompiler CreateDefault() => new(new TemplateEngineExpander());

    public CompileResult Compile(CompileRequest request) => Compile(request, text: null);

    /// <summary>Compiles YAML text as if it were the file in <paramref name="request"/> (tests, editors).</summary>
    public CompileResult CompileText(string yaml, CompileRequest request) => Compile(request, yaml);

    private CompileResult Compile(CompileRequest request, string? text)
    {
        ArgumentNullException.ThrowIfNull(request);
        var display = request.DisplayPath ?? request.FilePath;
        var repoRoot = request.RepositoryRoot ?? RepositoryRoot.Find(request.FilePath);
        var expanded = expander.Expand(new ExpansionRequest
        {
            RootFilePath = request.FilePath,
            DisplayPath = display,
            RepositoryRoot = repoRoot,
            Text = text,
            Parameters = request.Parameters,
            RepositoryPaths = request.RepositoryPaths,
        });
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(expanded.Diagnostics);
        if (expanded.HasErrors)
        {
            return new CompileResult(null, diagnostics.Items);
        }

        var options = new AzureDialectOptions
        {
            VariableGroups = new VariableGroupStore(repoRoot).Lookup,
            QueueTimeVariables = [.. request.Variables.Select(v => new VariableDefinition(v.Key, v.Value, false, SecretState.NotSecret, SourceLocation.None))],
            IsLocalTask = LocalTasks(request, repoRoot),
        };
        var plan = AzureDialect.Read(expanded.Root, display, options, diagnostics);

        // A template included several times repeats its findings at the same place: report each once.
        return new CompileResult(plan, [.. diagnostics.Items.Distinct()]);
    }

    /// <summary>Tasks Slipway runs that the catalog lacks, and task packages in the task folders (asked only for tasks the catalog does not know).</summary>
    private static Func<string, int, bool> LocalTasks(CompileRequest request, string repoRoot)
    {
        var locator = new Runtime.NodeTasks.TaskPackageLocator([.. request.TaskDirectories, Path.Combine(repoRoot, ".slipway", "tasks")]);
        return (name, major) => Runtime.RuntimeComposition.HasBuiltInTask(name, major)
            || locator.Find(new TaskReference(name, major.ToString(System.Globalization.CultureInfo.InvariantCulture))) is not null;
    }
}

/// <summary>The repository root: the nearest directory above the file holding <c>.git</c>, else the file's directory.</summary>
public static class RepositoryRoot
{
    public static string Find(string filePath) =>
        FromDirectory(Path.GetDirectoryName(Path.GetFullPath(filePath)) ?? Directory.GetCurrentDirectory());

    /// <summary>The nearest directory at or above <paramref name="directory"/> holding <c>.git</c>, else the directory itself.</summary>
    public static string FromDirectory(string directory)
    {
        var start = Path.GetFullPath(directory);
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        return start;
    }
}
