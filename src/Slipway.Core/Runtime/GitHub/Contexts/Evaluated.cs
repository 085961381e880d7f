using System.Diagnostics.CodeAnalysis;
using Slipway.Core.Diagnostics;

namespace Slipway.Core.Runtime.GitHub.Contexts;

/// <summary>The outcome of evaluating a workflow token: a value, or the error (with its location) that stopped it.</summary>
internal readonly record struct Evaluated<T>
{
    private readonly T? _value;

    private Evaluated(T? value, Diagnostic? error)
    {
        _value = value;
        Error = error;
    }

    public Diagnostic? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value; only meaningful when <see cref="IsSuccess"/>.</summary>
    public T Value => _value!;

    public static implicit operator Evaluated<T>(T value) => new(value, null);

    public static implicit operator Evaluated<T>(Diagnostic error) => new(default, error);
}
