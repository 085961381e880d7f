namespace Slipway.Core.Diagnostics;

/// <summary>A place in a source file: 1-based line and column. <see cref="None"/> when unknown.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation None { get; } = new(string.Empty, 0, 0);

    public bool IsKnown => Line > 0;

    public override string ToString() => IsKnown ? $"{File}({Line},{Column})" : File;
}
