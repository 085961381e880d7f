using Slipway.Core.Diagnostics;
using Slipway.Core.Pipelines.GitHub.Conversion;
using Slipway.Core.Pipelines.GitHub.Reading;
using Slipway.Core.Pipelines.GitHub.Schema;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Slipway.Core.Yaml;
using Codes = Slipway.Core.Runtime.GitHub.Actions.ActionDiagnosticCodes;

namespace Slipway.Core.Runtime.GitHub.Actions;

/// <summary>The manifest, or the problems that stopped reading it (each with file, line and column).</summary>
internal sealed record ActionManifestResult(ActionManifest? Manifest, IReadOnlyList<Diagnostic> Errors);

/// <summary>
/// Reads <c>action.yml</c> (the rules of the runner's <c>ActionManifestManager</c> / <c>action_yaml.json</c>):
/// name, description, inputs, outputs and <c>runs</c> for JavaScript, composite and Docker actions. Values that
/// may hold <c>${{ }}</c> (input defaults, output values, composite steps, Docker args/env) are read with the
/// workflow reader's token machinery, so they are evaluated at run time exactly as workflow values are.
/// </summary>
internal sealed partial class ActionManifestReader
{
    private static readonly YamlLoadOptions LoadOptions = YamlLoadOptions.GitHubActions;
    private static readonly HashSet<string> TopKeys = ["name", "description", "author", "inputs", "outputs", "runs", "branding"];

    private readonly List<Diagnostic> _errors = [];
    private readonly WorkflowErrors _tokenErrors = new();
    private readonly string _file;

    private ActionManifestReader(string file) => _file = file;

    /// <summary>Reads the manifest of the action in <paramref name="directory"/> (<c>action.yml</c>, else <c>action.yaml</c>).</summary>
    public static ActionManifestResult ReadDirectory(string directory, string? displayDirectory = null)
    {
        var path = ActionLocator.FindManifest(directory);
        if (path is null)
        {
            return new(null, [Diagnostic.Error(Codes.ActionNotFound, $"Can't find 'action.yml' or 'action.yaml' under '{directory}'.", new SourceLocation(directory, 0, 0))]);
        }

        var display = displayDirectory is null ? path : Path.Combine(displayDirectory, Path.GetFileName(path));
        return new ActionManifestReader(display).Read(YamlLoader.LoadFile(path, display, LoadOptions), directory);
    }

    /// <summary>Reads manifest text (tests, and actions emulated from text).</summary>
    public static ActionManifestResult ReadText(string text, string file, string directory) =>
        new ActionManifestReader(file).Read(YamlLoader.Load(text, file, LoadOptions), directory);

    private ActionManifestResult Read(YamlLoadResult loaded, string directory)
    {
        if (loaded.HasErrors)
        {
            return new(null, [.. loaded.Diagnostics.Where(d => d.IsError).Select(d => d with { Code = Codes.ManifestYaml })]);
        }

        if (loaded.Root is not YamlMapping root)
        {
            Error("An action manifest must be a mapping with at least 'runs'.", loaded.Root?.Location ?? new SourceLocation(_file, 1, 1));
            return new(null, _errors);
        }

        string? name = null;
        string? description = null;
        IReadOnlyList<ActionInput> inputs = [];
        IReadOnlyList<ActionOutput> outputs = [];
        ActionRuns? runs = null;
        foreach (var entry in root.Entries)
        {
            switch (entry.Key.Value)
            {
                case "name": name = Scalar(entry.Value, "name"); break;
                case "description": description = Scalar(entry.Value, "description"); break;
                case "inputs": inputs = ReadInputs(entry.Value); break;
                case "outputs": outputs = ReadOutputs(entry.Value); break;
                case "runs": runs = ReadRuns(entry.Value); break;
                default:
                    if (!TopKeys.Contains(entry.Key.Value))
                    {
                        Error($"Unexpected value '{entry.Key.Value}'", entry.Key.Location);
                    }

                    break;
            }
        }

        if (root.Find("runs") is null)
        {
            Error("Required property is missing: runs", root.Location);
        }

        _errors.AddRange(_tokenErrors.Items.Select(e => Diagnostic.Error(Codes.ManifestInvalid, e.Message, e.Location)));
        return _errors.Count > 0 || runs is null
            ? new(null, _errors)
            : new(new ActionManifest
            {
                File = _file,
                Directory = directory,
                Name = name,
                Description = description,
                Inputs = inputs,
                Outputs = outputs,
                Runs = runs,
            }, []);
    }

    private List<ActionInput> ReadInputs(YamlNode node)
    {
        var inputs = new List<ActionInput>();
        foreach (var (key, value) in Entries(node, "inputs"))
        {
            TemplateToken? defaultValue = null;
            var required = false;
            string? deprecation = null;
            foreach (var (property, propertyValue) in value is YamlScalar { IsNull: true } ? [] : Entries(value, $"input '{key.Value}'"))
            {
                switch (property.Value)
                {
                    case "default": defaultValue = Token(propertyValue, "string-steps-context"); break;
                    case "required": required = Scalar(propertyValue, "required") is "true" or "True" or "TRUE"; break;
                    case "deprecationMessage": deprecation = Scalar(propertyValue, "deprecationMessage"); break;
                    case "description": break;
                    default: Error($"Unexpected value '{property.Value}'", property.Location); break;
                }
            }

            inputs.Add(new ActionInput(key.Value, defaultValue, required, deprecation, key.Location));
        }

        return inputs;
    }

    private List<ActionOutput> ReadOutputs(YamlNode node)
    {
        var outputs = new List<ActionOutput>();
        foreach (var (key, value) in Entries(node, "outputs"))
        {
            TemplateToken? outputValue = null;
            foreach (var (property, propertyValue) in value is YamlScalar { IsNull: true } ? [] : Entries(value, $"output '{key.Value}'"))
            {
                switch (property.Value)
                {
                    case "value": outputValue = Token(propertyValue, "string-steps-context"); break;
                    case "description": break;
                    default: Error($"Unexpected value '{property.Value}'", property.Location); break;
                }
            }

            outputs.Add(new ActionOutput(key.Value, outputValue, key.Location));
        }

        return outputs;
    }

    private IEnumerable<(YamlScalar Key, YamlNode Value)> Entries(YamlNode node, string what)
    {
        if (node is not YamlMapping mapping)
        {
            Error($"'{what}' must be a mapping.", node.Location);
            return [];
        }

        return mapping.Entries.Select(e => (e.Key, e.Value));
    }

    private string? Scalar(YamlNode node, string what)
    {
        if (node is YamlScalar scalar)
        {
            return scalar.IsNull ? null : scalar.Value;
        }

        Error($"'{what}' must be a string.", node.Location);
        return null;
    }

    /// <summary>Reads a value with the workflow schema definition <paramref name="definition"/> (expressions, contexts, types).</summary>
    private TemplateToken Token(YamlNode node, string definition)
    {
        var schema = WorkflowSchema.Workflow;
        return new TemplateReader(_tokenErrors).Read(node, new DefinitionInfo(schema, schema.Get(definition), null));
    }

    private void Error(string message, SourceLocation location) => _errors.Add(Diagnostic.Error(Codes.ManifestInvalid, message, location));
}
