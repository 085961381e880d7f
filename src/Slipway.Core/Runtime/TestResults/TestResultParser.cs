using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Slipway.Core.Runtime.TestResults;

/// <summary>
/// Reads JUnit, NUnit 2 and 3, xUnit v2 and VSTest (TRX) result files into one model. A file that is
/// not well-formed XML, or not of the declared format, is an error value, never an exception.
/// </summary>
internal static class TestResultParser
{
    public static (IReadOnlyList<TestCaseResult> Cases, string? Error) ParseFile(string path, TestResultFormat format)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            return ([], $"'{path}' is not a valid XML file: {ex.Message}");
        }
        catch (IOException ex)
        {
            return ([], $"'{path}' could not be read: {ex.Message}");
        }

        var root = document.Root!;
        IReadOnlyList<TestCaseResult>? cases = format switch
        {
            TestResultFormat.JUnit => JUnitParser.Parse(root),
            TestResultFormat.NUnit => NUnitParser.Parse(root),
            TestResultFormat.XUnit => XUnitParser.Parse(root),
            _ => TrxParser.Parse(root),
        };
        return cases is null
            ? ([], $"'{path}' is not a {format} result file (root element <{root.Name.LocalName}>).")
            : (cases, null);
    }

    internal static string? Attr(XElement element, string name) => element.Attribute(name)?.Value;

    internal static TimeSpan Seconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0 && s < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(s)
            : TimeSpan.Zero;

    internal static string? Text(XElement? element) => element is null ? null : element.Value.Trim() is { Length: > 0 } t ? t : null;

    internal static IEnumerable<XElement> Named(XElement root, string localName) =>
        root.DescendantsAndSelf().Where(e => e.Name.LocalName == localName);

    internal static XElement? Child(XElement element, string localName) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == localName);
}
