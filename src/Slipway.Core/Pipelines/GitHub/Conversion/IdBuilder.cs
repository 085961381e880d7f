using System.Text;

namespace Slipway.Core.Pipelines.GitHub.Conversion;

/// <summary>Checks job and step ids and generates ids for steps that have none (GitHub's rules).</summary>
internal sealed class IdBuilder
{
    private const int MaxLength = 100;
    private const char Separator = '_';
    private readonly StringBuilder _name = new();
    private readonly HashSet<string> _distinct = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records an id written by the user; returns GitHub's error text when it is not allowed.</summary>
    public string? TryAddKnownId(string value)
    {
        if (value.Length == 0 || !IsValid(value) || value.Length >= MaxLength)
        {
            return $"The identifier '{value}' is invalid. IDs may only contain alphanumeric characters, '_', and '-'. IDs must start with a letter or '_' and and must be less than {MaxLength} characters.";
        }

        if (value.StartsWith("__", StringComparison.Ordinal))
        {
            return $"The identifier '{value}' is invalid. IDs starting with '__' are reserved.";
        }

        if (!_distinct.Add(value))
        {
            return $"The identifier '{value}' may not be used more than once within the same scope.";
        }

        return null;
    }

    public void AppendSegment(string value)
    {
        if (value.Length == 0)
        {
            return;
        }

        if (_name.Length == 0)
        {
            if (char.IsAsciiDigit(value[0]) || value[0] == '-')
            {
                _name.Append(Separator);
            }
        }
        else
        {
            _name.Append(Separator);
        }

        foreach (var c in value)
        {
            _name.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : Separator);
        }
    }

    /// <summary>The appended name, made unique with <c>_2</c>, <c>_3</c>... and cut to fit 100 characters.</summary>
    public string Build()
    {
        var original = _name.Length > 0 ? _name.ToString() : "job";
        _name.Clear();
        for (var attempt = 1; attempt < 1000; attempt++)
        {
            var suffix = attempt == 1 ? string.Empty : $"_{attempt}";
            var candidate = original[..Math.Min(original.Length, MaxLength - suffix.Length)] + suffix;
            if (_distinct.Add(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Unable to create a unique name");
    }

    private static bool IsValid(string name)
    {
        if (!(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name.AsSpan(1))
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
