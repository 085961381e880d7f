using System.Collections.Immutable;
using Slipway.Core.Diagnostics;
using Slipway.Core.Expressions.Values;

namespace Slipway.Core.Templates;

/// <summary>One template on the include chain (for the nesting limit and recursion reports).</summary>
internal sealed record IncludeFrame(TemplateSource Source, ParameterSet Parameters, SourceLocation At);

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
    ImmutableList<IncludeFrame> Chain,
    ImmutableDictionary<string, ExpressionValue> Locals,
    bool Evaluate = true,
    bool ResolveReferences = true)
{
    public static ImmutableDictionary<string, ExpressionValue> NoLocals { get; } =
        ImmutableDictionary.Create<string, ExpressionValue>(StringComparer.OrdinalIgnoreCase);
}
