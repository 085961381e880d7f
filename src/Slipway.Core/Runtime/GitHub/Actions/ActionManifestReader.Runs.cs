using Slipway.Core.Diagnostics;
using Slipway.Core.Pipelines.GitHub.Conversion;
using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Slipway.Core.Yaml;

namespace Slipway.Core.Runtime.GitHub.Actions;

/// <summary>The <c>runs:</c> section of <c>action.yml</c>.</summary>
internal sealed partial class ActionManifestReader
{
    private static readonly HashSet<string> NodeKeys = ["using", "main", "pre", "pre-if", "post", "post-if"];
    private static readonly HashSet<string> DockerKeys = ["using", "image", "args", "env", "entrypoint", "pre-entrypoint", "pre-if", "post-entrypoint", "post-if"];
    private static readonly HashSet<string> CompositeKeys = ["using", "steps"];

    private ActionRuns? ReadRuns(YamlNode node)
    {
        if (node is not YamlMapping runs)
        {
            Error("'runs' must be a mapping.", node.Location);
            return null;
        }

        var usingEntry = runs.Find("using");
        if (usingEntry is null)
        {
            Error("Required property is missing: using", runs.Location);
            return null;
        }

        var kind = Scalar(usingEntry.Value, "using")?.ToLowerInvariant() ?? string.Empty;
        (HashSet<string>? keys, ActionRuns? result) = kind switch
        {
            "node12" or "node16" or "node20" or "node24" => (NodeKeys, (ActionRuns?)NodeRuns(runs, kind)),
            "docker" => (DockerKeys, (ActionRuns?)DockerRuns(runs)),
            "composite" => (CompositeKeys, (ActionRuns?)CompositeRuns(runs)),
            _ => ((HashSet<string>?)null, (ActionRuns?)null),
        };
        if (keys is null)
        {
            Error($"'using: {Scalar(usingEntry.Value, "using")}' is not supported, use 'docker', 'composite', 'node12', 'node16', 'node20' or 'node24' instead.", usingEntry.Value.Location);
            return null;
        }

        foreach (var entry in runs.Entries.Where(e => !keys.Contains(e.Key.Value)))
        {
            Error($"Unexpected value '{entry.Key.Value}' for 'using: {kind}'", entry.Key.Location);
        }

        return result;
    }

    private NodeActionRuns? NodeRuns(YamlMapping runs, string kind)
    {
        var main = runs["main"] is { } m ? Scalar(m, "main") : null;
        if (string.IsNullOrEmpty(main))
        {
            Error("Entry javascript file is not provided: 'runs.main' is required.", runs.Location);
            return null;
        }

        return new NodeActionRuns(kind, runs.Location, main)
        {
            Pre = Optional(runs, "pre"),
            PreIf = Optional(runs, "pre-if") ?? "always()",
            Post = Optional(runs, "post"),
            PostIf = Optional(runs, "post-if") ?? "always()",
        };
    }

    private DockerActionRuns? DockerRuns(YamlMapping runs)
    {
        var image = runs["image"] is { } i ? Scalar(i, "image") : null;
        if (string.IsNullOrEmpty(image))
        {
            Error($"You are using a Container Action but an image is not provided in {_file}.", runs.Location);
            return null;
        }

        SequenceToken? args = null;
        if (runs["args"] is { } argsNode)
        {
            if (argsNode is YamlSequence sequence)
            {
                args = new SequenceToken(sequence.Location);
                foreach (var item in sequence.Items)
                {
                    args.Add(Token(item, "string-steps-context"));
                }
            }
            else
            {
                Error("'args' must be a sequence of strings.", argsNode.Location);
            }
        }

        return new DockerActionRuns("docker", runs.Location, image)
        {
            Args = args,
            Env = runs["env"] is { } env ? Token(env, "step-env") : null,
            Entrypoint = Optional(runs, "entrypoint"),
            PreEntrypoint = Optional(runs, "pre-entrypoint"),
            PreIf = Optional(runs, "pre-if") ?? "always()",
            PostEntrypoint = Optional(runs, "post-entrypoint"),
            PostIf = Optional(runs, "post-if") ?? "always()",
        };
    }

    private CompositeActionRuns? CompositeRuns(YamlMapping runs)
    {
        if (runs["steps"] is not { } stepsNode)
        {
            Error($"You are using a composite action but there are no steps provided in {_file}.", runs.Location);
            return null;
        }

        var before = _tokenErrors.Count;
        var token = Token(stepsNode, "steps");
        if (_tokenErrors.Count > before)
        {
            return null;
        }

        List<WorkflowStep> steps;
        try
        {
            steps = new StepConverter(_tokenErrors, allowBackgroundSteps: false).Convert(token);
        }
        catch (ConversionException e)
        {
            Error(e.Message, e.Token.Location);
            return null;
        }

        foreach (var step in steps.Where(s => s.Run is not null && s.Shell is null))
        {
            _errors.Add(Diagnostic.Error(ActionDiagnosticCodes.CompositeShellMissing,
                "Required property is missing: shell (a 'run' step of a composite action must name its shell, e.g. 'shell: bash').", step.Location));
        }

        return new CompositeActionRuns("composite", runs.Location, steps);
    }

    private string? Optional(YamlMapping mapping, string key) => mapping[key] is { } node ? Scalar(node, key) : null;
}
