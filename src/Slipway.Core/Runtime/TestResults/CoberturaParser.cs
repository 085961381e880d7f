using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using static Slipway.Core.Runtime.TestResults.TestResultParser;

namespace Slipway.Core.Runtime.TestResults;

/// <summary>
/// Reads Cobertura reports and merges them per source file (as the coverage task's report merge
/// does): a line counts once with its highest hit count; branches come from <c>condition-coverage</c>
/// (<c>"50% (1/2)"</c>) on branch lines.
/// </summary>
internal sealed class CoberturaParser
{
    private readonly Dictionary<string, (Dictionary<int, int> Lines, Dictionary<int, (int Covered, int Valid)> Branches)> _files =
        new(StringComparer.Ordinal);

    /// <summary>Adds one report; returns an error message when it is not a Cobertura file.</summary>
    public string? Add(string path)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (Exception ex) when (ex is XmlException or IOException)
        {
            return $"'{path}' could not be read as XML: {ex.Message}";
        }

        if (document.Root is not { Name.LocalName: "coverage" } root)
        {
            return $"'{path}' is not a Cobertura report (no <coverage> root element).";
        }

        foreach (var cls in Named(root, "class"))
        {
            AddClass(Attr(cls, "filename") ?? Attr(cls, "name") ?? "(unknown)", cls);
        }

        return null;
    }

    public CoverageReport Summary() => new(
        [.. _files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new FileCoverage(
            f.Key,
            f.Value.Lines,
            f.Value.Branches.Values.Sum(b => b.Covered),
            f.Value.Branches.Values.Sum(b => b.Valid)))]);

    private void AddClass(string file, XElement cls)
    {
        if (!_files.TryGetValue(file, out var entry))
        {
            entry = (new Dictionary<int, int>(), new Dictionary<int, (int, int)>());
            _files[file] = entry;
        }

        // Method-level <line>s repeat the class-level ones; the dictionary keeps each line once.
        foreach (var line in Named(cls, "line"))
        {
            if (!int.TryParse(Attr(line, "number"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                continue;
            }

            var hits = long.TryParse(Attr(line, "hits"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var h) ? (int)Math.Min(h, int.MaxValue) : 0;
            entry.Lines[number] = Math.Max(entry.Lines.GetValueOrDefault(number), hits);
            if (string.Equals(Attr(line, "branch"), "true", StringComparison.OrdinalIgnoreCase) && Branches(Attr(line, "condition-coverage")) is { } b)
            {
                var old = entry.Branches.GetValueOrDefault(number);
                entry.Branches[number] = (Math.Max(old.Covered, b.Covered), Math.Max(old.Valid, b.Valid));
            }
        }
    }

    private static (int Covered, int Valid)? Branches(string? conditionCoverage)
    {
        var open = conditionCoverage?.IndexOf('(', StringComparison.Ordinal) ?? -1;
        if (conditionCoverage is null || open < 0)
        {
            return null;
        }

        var parts = conditionCoverage[(open + 1)..].TrimEnd(')', ' ').Split('/');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var covered)
            && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var valid)
            ? (covered, valid)
            : null;
    }
}
