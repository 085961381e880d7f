using System.Text;
using Slipway.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using CoreScalarStyle = YamlDotNet.Core.ScalarStyle;

namespace Slipway.Core.Yaml;

/// <summary>
/// Reads YAML text into <see cref="YamlNode"/>s that keep file, line and column.
/// Never throws for bad input: every problem becomes a diagnostic.
/// </summary>
public static class YamlLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static YamlLoadResult LoadFile(string path, string displayPath, YamlLoadOptions options)
    {
        var where = new SourceLocation(displayPath, 0, 0);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Fail(YamlDiagnosticCodes.FileNotFound, $"File '{displayPath}' was not found.", where);
            }

            if (info.Length > options.MaxBytes)
            {
                return Fail(YamlDiagnosticCodes.FileTooLarge, $"File '{displayPath}' is {info.Length:N0} bytes; the limit is {options.MaxBytes:N0}.", where);
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(YamlDiagnosticCodes.FileUnreadable, $"File '{displayPath}' could not be read: {e.Message}", where);
        }

        string text;
        try
        {
            var span = bytes.AsSpan();
            if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                span = span[3..];
            }

            text = StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            return Fail(YamlDiagnosticCodes.InvalidEncoding, $"File '{displayPath}' is not valid UTF-8 text.", where);
        }

        return Load(text, displayPath, options);
    }

    public static YamlLoadResult Load(string text, string file, YamlLoadOptions options)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var reader = new Reader(file, options);
        var root = reader.Read(text);
        return new YamlLoadResult(root, reader.Diagnostics.Items);
    }

    private static YamlLoadResult Fail(string code, string message, SourceLocation where) =>
        new(null, [Diagnostic.Error(code, message, where)]);

    private sealed class Reader(string file, YamlLoadOptions options)
    {
        private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
        private Parser _parser = null!;
        private string _text = string.Empty;
        private Mark _lastMark = Mark.Empty;

        public DiagnosticBag Diagnostics { get; } = new();

        public YamlNode? Read(string text)
        {
            _text = text;
            _parser = new Parser(new StringReader(text));
            try
            {
                _parser.Consume<StreamStart>();
                if (_parser.TryConsume<StreamEnd>(out _))
                {
                    return null;
                }

                _parser.Consume<DocumentStart>();
                var root = _parser.Accept<DocumentEnd>(out _) ? null : ReadNode(1);
                _parser.Consume<DocumentEnd>();
                if (_parser.Accept<DocumentStart>(out var next))
                {
                    Diagnostics.Error(YamlDiagnosticCodes.MultipleDocuments,
                        "A pipeline file holds one YAML document; remove the second '---' document.", At(next.Start));
                }

                return root is YamlScalar { IsNull: true } ? null : root;
            }
            catch (YamlException e)
            {
                ReportSyntax(e);
                return null;
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
            {
                // YamlDotNet throws these instead of a YamlException for some malformed text.
                Diagnostics.Error(YamlDiagnosticCodes.Syntax,
                    "YAML syntax error: the text after this point could not be read as YAML.", At(_lastMark));
                return null;
            }
            catch (TooDeepException e)
            {
                Diagnostics.Error(YamlDiagnosticCodes.TooDeep,
                    $"The YAML is nested more than {options.MaxDepth} levels deep.", e.Location);
                return null;
            }
        }

        private SourceLocation At(Mark mark) => new(file, (int)mark.Line, (int)mark.Column);

        private void ReportSyntax(YamlException e)
        {
            var location = At(e.Start);
            if (FindTabIndentation(location) is { } tabLine)
            {
                location = new SourceLocation(file, tabLine, 1);
                Diagnostics.Error(YamlDiagnosticCodes.Tab,
                    "A tab character is used for indentation; YAML allows only spaces.", location);
                return;
            }

            var message = e.InnerException?.Message ?? e.Message;
            var cut = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith('(') && cut > 0)
            {
                message = message[(cut + 3)..];
            }

            Diagnostics.Error(YamlDiagnosticCodes.Syntax, $"YAML syntax error: {message}", location);
        }

        private int? FindTabIndentation(SourceLocation location)
        {
            var lines = _text.Split('\n');
            for (var i = Math.Max(0, location.Line - 2); i < Math.Min(lines.Length, location.Line + 1); i++)
            {
                var line = lines[i];
                var indentEnd = 0;
                while (indentEnd < line.Length && line[indentEnd] is ' ' or '\t')
                {
                    indentEnd++;
                }

                if (line.AsSpan(0, indentEnd).Contains('\t'))
                {
                    return i + 1;
                }
            }

            return null;
        }

        private YamlNode ReadNode(int depth)
        {
            _lastMark = _parser.Current?.Start ?? _lastMark;
            if (depth > options.MaxDepth)
            {
                throw new TooDeepException(At(_parser.Current!.Start));
            }

            if (_parser.TryConsume<AnchorAlias>(out var alias))
            {
                return ResolveAlias(alias);
            }

            if (_parser.TryConsume<Scalar>(out var scalar))
            {
                var node = new YamlScalar(scalar.Value, MapStyle(scalar.Style), At(scalar.Start), TagOf(scalar));
                return Remember(scalar, node);
            }

            if (_parser.TryConsume<SequenceStart>(out var seqStart))
            {
                var items = new List<YamlNode>();
                while (!_parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(depth + 1));
                }

                return Remember(seqStart, new YamlSequence(items, At(seqStart.Start), TagOf(seqStart)));
            }

            var mapStart = _parser.Consume<MappingStart>();
            return Remember(mapStart, ReadMapping(mapStart, depth));
        }

        private YamlMapping ReadMapping(MappingStart start, int depth)
        {
            var entries = new List<YamlEntry>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (!_parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode(depth + 1);
                var value = ReadNode(depth + 1);
                if (keyNode is not YamlScalar key)
                {
                    Diagnostics.Error(YamlDiagnosticCodes.NonScalarKey,
                        "A mapping key must be a plain value, not a sequence or mapping.", keyNode.Location);
                    continue;
                }

                if (!options.AllowDuplicateKeys && !seen.Add(key.Value))
                {
                    Diagnostics.Error(YamlDiagnosticCodes.DuplicateKey,
                        $"'{key.Value}' is already defined in this mapping.", key.Location);
                    continue;
                }

                entries.Add(new YamlEntry(key, value));
            }

            return new YamlMapping(entries, At(start.Start), TagOf(start));
        }

        private YamlNode Remember(NodeEvent e, YamlNode node)
        {
            if (e.Anchor.IsEmpty)
            {
                return node;
            }

            if (!options.AllowAnchors)
            {
                Diagnostics.Error(YamlDiagnosticCodes.AnchorNotSupported,
                    $"Anchors are not supported by Azure Pipelines. Remove the anchor '{e.Anchor.Value}'.", At(e.Start));
            }

            _anchors[e.Anchor.Value] = node;
            return node;
        }

        private YamlNode ResolveAlias(AnchorAlias alias)
        {
            var location = At(alias.Start);
            if (!options.AllowAnchors)
            {
                Diagnostics.Error(YamlDiagnosticCodes.AnchorNotSupported,
                    $"Aliases are not supported by Azure Pipelines. Remove the alias '*{alias.Value.Value}'.", location);
            }

            if (_anchors.TryGetValue(alias.Value.Value, out var target))
            {
                return target;
            }

            Diagnostics.Error(YamlDiagnosticCodes.UnknownAlias, $"The alias '*{alias.Value.Value}' names no anchor.", location);
            return new YamlScalar(string.Empty, ScalarStyle.Plain, location);
        }

        private static string? TagOf(NodeEvent e) => e.Tag.IsEmpty || e.Tag.IsNonSpecific ? null : e.Tag.Value;

        private static ScalarStyle MapStyle(CoreScalarStyle style) => style switch
        {
            CoreScalarStyle.SingleQuoted => ScalarStyle.SingleQuoted,
            CoreScalarStyle.DoubleQuoted => ScalarStyle.DoubleQuoted,
            CoreScalarStyle.Literal => ScalarStyle.Literal,
            CoreScalarStyle.Folded => ScalarStyle.Folded,
            _ => ScalarStyle.Plain,
        };
    }

    private sealed class TooDeepException(SourceLocation location) : Exception
    {
        public SourceLocation Location { get; } = location;
    }
}
