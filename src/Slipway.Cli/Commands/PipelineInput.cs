using System.CommandLine;
using Slipway.Core.Diagnostics;
using Slipway.Core.Pipelines.Azure;

namespace Slipway.Cli.Commands;

/// <summary>The FILE argument and the options shared by validate, expand and graph, and the compile step they share.</summary>
internal sealed class PipelineInput
{
    public Argument<string?> File { get; } = new("FILE")
    {
        Description = "The pipeline file. Default: azure-pipelines.yml, then .azure-pipelines/*.yml in the current directory.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string?> Directory { get; } = new("--directory", "-C")
    {
        Description = "Run as if slipway was started in this directory.",
    };

    public Option<string[]> Params { get; } = new("--param")
    {
        Description = "A runtime parameter for the template step: name=value (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Repos { get; } = new("--repo")
    {
        Description = "Where a repository resource is checked out locally: alias=PATH (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Vars { get; } = new("--var")
    {
        Description = "A queue-time variable: name=value (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command, bool withValues)
    {
        command.Arguments.Add(File);
        command.Options.Add(Directory);
        if (withValues)
        {
            command.Options.Add(Params);
            command.Options.Add(Repos);
            command.Options.Add(Vars);
        }
    }

    /// <summary>The pipeline file the command names (or finds), without reporting anything; null when there is none.</summary>
    public LocatedPipeline? Locate(ParseResult parse) => PipelineLocator.Locate(parse.GetValue(File), WorkingDirectory(parse)).Pipeline;

    /// <summary>Finds and compiles the pipeline; null (after reporting why) when there is nothing to show.</summary>
    public Compiled? Compile(ParseResult parse, CliConsole console, IReadOnlyList<string>? taskDirectories = null)
    {
        var cwd = WorkingDirectory(parse);
        if (!TryPairs(parse.GetValue(Params), "--param", console, out var parameters)
            || !TryPairs(parse.GetValue(Repos), "--repo", console, out var repos)
            || !TryPairs(parse.GetValue(Vars), "--var", console, out var vars))
        {
            return null;
        }

        var located = PipelineLocator.Locate(parse.GetValue(File), cwd);
        if (located.Error is { } error)
        {
            console.Report([error]);
            return null;
        }

        var pipeline = located.Pipeline!;
        if (pipeline.Syntax != PipelineFileSyntax.AzurePipelines)
        {
            console.Report([Diagnostic.Error(CliDiagnosticCodes.SyntaxNotSupported,
                "This command reads Azure Pipelines; for a GitHub Actions workflow use 'slipway validate'.", new SourceLocation(pipeline.DisplayPath, 0, 0))]);
            return null;
        }

        var request = new CompileRequest
        {
            FilePath = pipeline.FullPath,
            DisplayPath = pipeline.DisplayPath,
            Parameters = ToDictionary(parameters),
            RepositoryPaths = ToDictionary(repos.Select(r => KeyValuePair.Create(r.Key, Path.GetFullPath(r.Value, cwd)))),
            Variables = vars,
            TaskDirectories = [.. (taskDirectories ?? []).Select(d => Path.GetFullPath(d, cwd))],
        };
        var result = AzurePipelineCompiler.CreateDefault().Compile(request);
        var anyError = console.Report(result.Diagnostics);
        return new Compiled(pipeline, result, anyError || result.Plan is null);
    }

    /// <summary>The directory the command works in: <c>-C DIR</c>, else the current one.</summary>
    public string WorkingDirectory(ParseResult parse) =>
        Path.GetFullPath(parse.GetValue(Directory) ?? System.IO.Directory.GetCurrentDirectory());

    private static Dictionary<string, string> ToDictionary(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pairs)
        {
            map[key] = value;
        }

        return map;
    }

    /// <summary>Reads repeated <c>name=value</c> options; reports the first malformed one.</summary>
    internal static bool TryPairs(string[]? raw, string option, CliConsole console, out List<KeyValuePair<string, string>> pairs)
    {
        pairs = [];
        foreach (var item in raw ?? [])
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                console.Error.WriteLine($"slipway: {option} expects name=value, not '{item}'.");
                return false;
            }

            pairs.Add(KeyValuePair.Create(item[..eq].Trim(), item[(eq + 1)..]));
        }

        return true;
    }
}

internal sealed record Compiled(LocatedPipeline Pipeline, CompileResult Result, bool Failed);
