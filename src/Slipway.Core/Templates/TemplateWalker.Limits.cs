using System.Runtime.CompilerServices;
using Slipway.Core.Diagnostics;
using Slipway.Core.Yaml;

namespace Slipway.Core.Templates;

internal sealed partial class TemplateWalker
{
    /// <summary>Nesting of the expanded document across templates; far above real pipelines, far below the stack's limit.</summary>
    private const int MaxDocumentDepth = 1000;

    private int _depth;
    private bool _depthReported;

    /// <summary>Enters one level of nesting, or reports (once) that the document is too deep; pair with <see cref="Leave"/>.</summary>
    private bool Enter(SourceLocation where)
    {
        if (_depth < MaxDocumentDepth && RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            _depth++;
            return true;
        }

        if (!_depthReported)
        {
            _depthReported = true;
            diagnostics.Error(TemplateDiagnosticCodes.TooDeep,
                $"The expanded pipeline is nested more than {MaxDocumentDepth} levels deep; expansion stopped here.", where);
        }

        return false;
    }

    private void Leave() => _depth--;

    private bool WithinNesting(TemplateSource source, ExpansionContext ctx, SourceLocation where)
    {
        if (ctx.Nesting < options.MaxNesting)
        {
            return true;
        }

        var repeats = ctx.Frame?.Outward().Any(f => f.Source.FullPath == source.FullPath) == true;
        diagnostics.Error(repeats ? TemplateDiagnosticCodes.Recursion : TemplateDiagnosticCodes.TooDeep,
            $"Templates are nested more than {options.MaxNesting} levels deep (AZP-TPL-3){(repeats ? ", through recursive inclusion" : string.Empty)}: {DescribeChain(ctx, source)}.",
            where);
        return false;
    }

    /// <summary>The same file with the same parameters already on the chain can only expand forever.</summary>
    private bool IsRecursive(TemplateSource source, ParameterSet bound, ExpansionContext ctx, SourceLocation where)
    {
        for (var frame = ctx.Frame; frame is not null; frame = frame.Parent)
        {
            if (frame.Source.FullPath == source.FullPath && ParameterSetComparer.AreEqual(frame.Parameters, bound))
            {
                diagnostics.Error(TemplateDiagnosticCodes.Recursion, $"Recursive template inclusion: {DescribeChain(ctx, source)}.", where);
                return true;
            }
        }

        return false;

    }

    private static string DescribeChain(ExpansionContext ctx, TemplateSource next)
    {
        var frames = ctx.Frame?.Outward() ?? [];
        var names = new List<string> { frames.Count > 0 ? frames[0].At.File : ctx.File.DisplayName };
        names.AddRange(frames.Select(f => f.Source.DisplayName));
        names.Add(next.DisplayName);
        if (names.Count > 12)
        {
            names = [.. names.Take(5), "...", .. names.TakeLast(5)];
        }

        return string.Join(" -> ", names);
    }
}
