using System.Buffers;
using System.Text;

namespace Slipway.Core.Masking;

/// <summary>
/// Replaces every registered secret (and its encoded forms) in a line with <c>***</c>.
/// Overlapping or adjacent occurrences merge into one mask, as in both runners. Secrets can be
/// added from any thread while other threads mask: readers use an immutable snapshot, so masking
/// takes no lock. One multi-string search (<see cref="SearchValues{T}"/>) finds candidates.
/// </summary>
internal sealed class SecretMasker
{
    public const string MaskText = "***";

    private readonly SecretMaskerOptions _options;
    private readonly Lock _writeLock = new();
    private readonly HashSet<string> _originals = new(StringComparer.Ordinal);
    private readonly HashSet<string> _values = new(StringComparer.Ordinal);
    private volatile MaskSnapshot _snapshot = MaskSnapshot.Empty;

    public SecretMasker(SecretMaskerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public static SecretMasker ForGitHubActions() => new(SecretMaskerOptions.GitHubActions);

    public static SecretMasker ForAzurePipelines(int minimumLength = 0) =>
        new(SecretMaskerOptions.ForAzurePipelines(minimumLength));

    /// <summary>Number of distinct strings (values and encodings) being masked.</summary>
    public int PatternCount => _snapshot.Count;

    /// <summary>Registers a secret. Returns false when nothing new was registered (empty, too short, known).</summary>
    public bool AddValue(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var forms = _options.RegisterEachLine ? SplitForGitHub(value) : [value];
        var added = false;
        lock (_writeLock)
        {
            foreach (var form in forms)
            {
                added |= AddOriginal(form);
            }

            if (added)
            {
                _snapshot = MaskSnapshot.Create(_values);
            }
        }

        return added;
    }

    /// <summary>Masks one line (or any text). Returns the same instance when nothing matched.</summary>
    public string Mask(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return string.Empty;
        }

        return _snapshot.Mask(input);
    }

    private bool AddOriginal(string value)
    {
        if (value.Length == 0 || value.Length < _options.MinimumLength || !_originals.Add(value))
        {
            return false;
        }

        _values.Add(value);
        foreach (var encoder in _options.Encoders)
        {
            var encoded = encoder(value);
            if (encoded.Length > 0 && encoded.Length >= _options.MinimumLength)
            {
                _values.Add(encoded);
            }
        }

        return true;
    }

    // actions/runner registers the trimmed value, then each line of it trimmed (empty lines dropped).
    private static List<string> SplitForGitHub(string value)
    {
        var trimmed = value.Trim();
        var forms = new List<string> { trimmed };
        if (trimmed.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            foreach (var line in trimmed.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
            {
                forms.Add(line.Trim());
            }
        }

        return forms;
    }

    private sealed class MaskSnapshot
    {
        public static readonly MaskSnapshot Empty = new([]);

        private readonly SearchValues<string> _search;
        private readonly Dictionary<char, string[]> _byFirstChar;

        private MaskSnapshot(string[] values)
        {
            Count = values.Length;
            _search = SearchValues.Create(values, StringComparison.Ordinal);
            _byFirstChar = values
                .GroupBy(v => v[0])
                .ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.Length).ToArray());
        }

        public int Count { get; }

        public static MaskSnapshot Create(IEnumerable<string> values) => new(values.ToArray());

        public string Mask(string input)
        {
            var span = input.AsSpan();
            var pos = Count == 0 ? -1 : span.IndexOfAny(_search);
            if (pos < 0)
            {
                return input;
            }

            var sb = new StringBuilder(input.Length);
            var copied = 0;
            while (pos >= 0)
            {
                var start = pos;
                var end = pos + LongestAt(span, pos);
                var next = FindNext(span, pos + 1);
                while (next >= 0 && next <= end)
                {
                    end = Math.Max(end, next + LongestAt(span, next));
                    next = FindNext(span, next + 1);
                }

                sb.Append(span[copied..start]).Append(MaskText);
                copied = end;
                pos = next;
            }

            return sb.Append(span[copied..]).ToString();
        }

        private int FindNext(ReadOnlySpan<char> span, int from)
        {
            if (from >= span.Length)
            {
                return -1;
            }

            var rel = span[from..].IndexOfAny(_search);
            return rel < 0 ? -1 : from + rel;
        }

        private int LongestAt(ReadOnlySpan<char> span, int index)
        {
            var rest = span[index..];
            foreach (var candidate in _byFirstChar[span[index]])
            {
                if (rest.StartsWith(candidate, StringComparison.Ordinal))
                {
                    return candidate.Length;
                }
            }

            return 0;
        }
    }
}
