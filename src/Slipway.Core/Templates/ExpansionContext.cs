using Slipway.Core.Diagnostics;
using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Templates;

/// <summary>One template on the include chain (for the nesting limit and recursion reports); linked to the one that included it.</summary>
internal sealed record IncludeFrame(TemplateSource Source, ParameterSet Parameters, SourceLocation At, IncludeFrame? Parent)
{
    public int Depth { get; } = (Parent?.Depth ?? 0) + 1;

    /// <summary>The frames from the outermost to this one.</summary>
    public List<IncludeFrame> Outward()
    {
        var frames = new List<IncludeFrame>(Depth);
        for (var frame = this; frame is not null; frame = frame.Parent)
        {
            frames.Add(frame);
        }

        frames.Reverse();
        return frames;
    }
}

/// <summary>The variables of enclosing <c>each</c> loops, innermost first; <see cref="Key"/> names them for parse caching.</summary>
internal sealed record LocalValue(string Name, ExpressionValue Value, LocalValue? Parent)
{
    public string Key { get; } = Parent is null ? Name : Parent.Key + "," + Name;

    public bool Defines(string name)
    {
        for (var local = this; local is not null; local = local.Parent)
        {
            if (string.Equals(local.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Where a mapping sits: the pipeline (or an extends template) root, a stage, a job, or anything else.</summary>
internal enum NodeRole
{
    Other,
    PipelineRoot,
    ExtendsRoot,
    Stage,
    Job,
    VariableTemplateRoot,
}

/// <summary>
/// Everything an expression or directive may see while one part of a document is expanded.
/// <see cref="Evaluate"/> is false for values that were already evaluated where they were written
/// (parameter values inserted structurally); <see cref="ResolveReferences"/> is false inside the
/// <c>parameters:</c> of a reference, whose template references are resolved where they end up.
/// </summary>
internal sealed record ExpansionContext(
    TemplateSource File,
    ParameterSet Parameters,
    VariableScope Variables,
    IncludeFrame? Frame,
    LocalValue? Locals,
    bool Evaluate = true,
    bool ResolveReferences = true)
{
    public int Nesting => Frame?.Depth ?? 0;
}
