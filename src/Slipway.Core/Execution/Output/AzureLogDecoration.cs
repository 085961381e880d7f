namespace Slipway.Core.Execution.Output;

internal enum AzureLogDecorationKind
{
    Group,
    EndGroup,
    Section,
    Command,
    Warning,
    Error,
    Debug,
}

/// <summary>
/// AZP-LOG-40 formatting commands (<c>##[group]title</c>, <c>##[endgroup]</c>, <c>##[section]</c>,
/// <c>##[command]</c>, <c>##[warning]</c>, <c>##[error]</c>, <c>##[debug]</c>) at the start of a line.
/// They only change how a line renders: no issue, no result change.
/// </summary>
internal readonly record struct AzureLogDecoration(AzureLogDecorationKind Kind, string Text)
{
    private static readonly (string Tag, AzureLogDecorationKind Kind)[] Tags =
    [
        ("##[group]", AzureLogDecorationKind.Group),
        ("##[endgroup]", AzureLogDecorationKind.EndGroup),
        ("##[section]", AzureLogDecorationKind.Section),
        ("##[command]", AzureLogDecorationKind.Command),
        ("##[warning]", AzureLogDecorationKind.Warning),
        ("##[error]", AzureLogDecorationKind.Error),
        ("##[debug]", AzureLogDecorationKind.Debug),
    ];

    public static bool TryParse(string? line, out AzureLogDecoration decoration)
    {
        decoration = default;
        if (line is null || !line.StartsWith("##[", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var (tag, kind) in Tags)
        {
            if (line.StartsWith(tag, StringComparison.OrdinalIgnoreCase))
            {
                decoration = new AzureLogDecoration(kind, line[tag.Length..]);
                return true;
            }
        }

        return false;
    }
}
