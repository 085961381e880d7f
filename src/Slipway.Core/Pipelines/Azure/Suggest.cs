namespace Slipway.Core.Pipelines.Azure;

/// <summary>"Did you mean" hints: the known word within a small edit distance of what was typed.</summary>
internal static class Suggest
{
    private const int MaxCandidates = 1000;
    private const int MaxLength = 100;

    /// <summary>The closest known word, or null; gives up (null) on very long words or very many candidates, so hints stay cheap.</summary>
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        if (typed.Length > MaxLength)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known.Take(MaxCandidates).Where(c => c.Length <= MaxLength))
        {
            if (string.Equals(candidate, typed, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }

            var distance = Distance(typed.ToUpperInvariant(), candidate.ToUpperInvariant());
            var prefix = candidate.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || typed.StartsWith(candidate, StringComparison.OrdinalIgnoreCase);
            if (distance < bestDistance || (distance == bestDistance && prefix))
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        var limit = typed.Length <= 2 ? 0 : typed.Length <= 4 ? 1 : typed.Length <= 8 ? 2 : 3;
        return bestDistance <= limit ? best : null;
    }

    /// <summary>Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
