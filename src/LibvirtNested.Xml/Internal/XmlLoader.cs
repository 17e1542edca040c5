using System.Buffers;
using System.Xml;
using System.Xml.Linq;

namespace LibvirtNested.Xml.Internal;

/// <summary>
/// Builds an <see cref="XDocument"/> from text, keeping what a lossless round trip needs and LINQ to XML
/// forgets: which quote each attribute used, <c>&lt;x&gt;&lt;/x&gt;</c> versus <c>&lt;x/&gt;</c>, every
/// whitespace node, the exact XML declaration, and the source text of every node whose value alone would be
/// written differently (<see cref="XmlSourceText"/>). DTDs are refused, so no entity is ever expanded and no
/// external resource is ever read; elements nest at most <see cref="LibvirtXmlDocument.MaxElementDepth"/> deep.
/// </summary>
internal static class XmlLoader
{
    /// <summary>An element with more attributes than this is built by LINQ to XML's own loader, which skips the
    /// duplicate check <c>XElement.Add</c> makes per attribute (quadratic in their number).</summary>
    private const int ManyAttributes = 32;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = false,
        IgnoreComments = false,
        IgnoreProcessingInstructions = false,
        CheckCharacters = true,
        CloseInput = false,
    };

    /// <summary>Characters in text whose source the writer would not reproduce from the value alone.</summary>
    private static readonly SearchValues<char> TextSpecial = SearchValues.Create("&\r>'\"");

    /// <summary>Characters in a start tag that mean its source is not what the writer would produce.</summary>
    private static readonly SearchValues<char> TagSpecial = SearchValues.Create("&\r\n\t<>");

    private static readonly SearchValues<char> QuotesOrEnd = SearchValues.Create("'\">");

    /// <summary>Documents up to this size share their thread's name table; larger ones get their own.</summary>
    private const int SharedNameTableLimit = 64 * 1024;

    /// <summary>Parses after which a thread's shared name table is replaced, so that distinct names cannot pile up.</summary>
    private const int SharedNameTableParses = 64;

    /// <summary>
    /// Reader settings whose name table is shared by this thread's parses of small documents: libvirt documents repeat
    /// the same few hundred names, and a fresh table per parse allocated every one of them again.
    /// </summary>
    [ThreadStatic]
    private static XmlReaderSettings? sharedSettings;

    [ThreadStatic]
    private static int sharedParses;

    /// <summary>
    /// The <see cref="XName"/> (no namespace) of each local name in <see cref="sharedSettings"/>'s name table, by the
    /// name table's string itself: the reader hands out the same string object for the same name, so a reference
    /// lookup replaces hashing the name's characters in LINQ to XML's name table on every element and attribute.
    /// </summary>
    [ThreadStatic]
    private static Dictionary<string, XName>? sharedNames;

    public static XDocument Parse(string xml, string expectedRoot, string? source, bool limitDepth = true)
    {
        ArgumentNullException.ThrowIfNull(xml);
        XDocument document;
        var settings = SettingsFor(xml);
        var names = ReferenceEquals(settings, sharedSettings) ? sharedNames : null;
        using (var reader = XmlReader.Create(new StringReader(xml), settings))
        {
            try
            {
                document = new Builder(reader, xml, source, limitDepth, names).Build();
            }
            catch (XmlException e)
            {
                var (line, column) = e.LineNumber > 0 ? (e.LineNumber, e.LinePosition) : PositionOfDoctype(xml);
                throw ParseError(e, source, line, column);
            }
        }

        var root = document.Root
            ?? throw new LibvirtXmlParseException($"{Describe(source)} has no root element; expected <{expectedRoot}>.", source, 0, 0, null);
        if (root.Name.LocalName != expectedRoot || root.Name.Namespace != XNamespace.None)
        {
            throw new LibvirtXmlParseException(
                $"{Describe(source)} is a <{root.Name.LocalName}> document; expected the root element <{expectedRoot}>.",
                source, 0, 0, null);
        }

        return document;
    }

    private static XmlReaderSettings SettingsFor(string xml)
    {
        if (xml.Length > SharedNameTableLimit)
        {
            return Settings;
        }

        if (sharedSettings is null || ++sharedParses > SharedNameTableParses)
        {
            var settings = Settings.Clone();
            settings.NameTable = new NameTable();
            sharedSettings = settings;
            sharedNames = new Dictionary<string, XName>(ReferenceEqualityComparer.Instance);
            sharedParses = 0;
        }

        return sharedSettings;
    }

    internal static string Describe(string? source) => source is null ? "The document" : $"'{source}'";

    private static LibvirtXmlParseException ParseError(XmlException e, string? source, int line, int column)
    {
        var dtd = e.Message.Contains("DTD", StringComparison.Ordinal);
        var what = dtd
            ? "carries a DTD (<!DOCTYPE>); DTDs and entity declarations are refused so that no entity is expanded and no external resource is read"
            : "is not well-formed XML: " + e.Message;
        return new LibvirtXmlParseException(
            $"{Describe(source)} {what} (line {line}, column {column}).",
            source, line, column, e);
    }

    /// <summary>The DTD refusal carries no position: point at the <c>&lt;!DOCTYPE</c> itself.</summary>
    private static (int Line, int Column) PositionOfDoctype(string xml)
    {
        var index = xml.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        if (index < 0)
        {
            return (0, 0);
        }

        var line = 1 + xml.AsSpan(0, index).Count('\n');
        var lineStart = xml.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        return (line, index - lineStart + 1);
    }

    private static XName AttributeName(XmlReader reader, Dictionary<string, XName>? names)
    {
        if (reader.Prefix == "xmlns")
        {
            return XNamespace.Xmlns + reader.LocalName;
        }

        if (reader.Prefix.Length == 0 && reader.LocalName == "xmlns")
        {
            return "xmlns";
        }

        return NameOf(reader, names);
    }

    /// <summary>The reader's current name as an <see cref="XName"/>, from <paramref name="names"/> when it has no namespace.</summary>
    private static XName NameOf(XmlReader reader, Dictionary<string, XName>? names)
    {
        var localName = reader.LocalName;
        var namespaceUri = reader.NamespaceURI;
        if (names is null || namespaceUri.Length != 0)
        {
            return XName.Get(localName, namespaceUri);
        }

        if (!names.TryGetValue(localName, out var name))
        {
            name = XNamespace.None.GetName(localName);
            names.Add(localName, name);
        }

        return name;
    }

    /// <summary>
    /// One parse. Open elements are kept on a stack and attached to their parent only when they are closed: LINQ to
    /// XML walks up to the root on every <c>Add</c>, so attaching them while open would cost time quadratic in depth.
    /// </summary>
    private sealed class Builder(XmlReader reader, string xml, string? source, bool limitDepth, Dictionary<string, XName>? names)
    {
        private readonly IXmlLineInfo lineInfo = (IXmlLineInfo)reader;
        private readonly List<XElement> open = [];
        private int line = 1;
        private int lineStart;
        private int escapedQuotes;
        private int rawQuotes;

        public XDocument Build()
        {
            var document = new XDocument();
            char? documentQuote = null;

            while (reader.Read())
            {
                XContainer parent = open.Count == 0 ? document : open[^1];
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        var element = ReadElement(ref documentQuote);
                        if (reader.IsEmptyElement)
                        {
                            parent.Add(element);
                        }
                        else
                        {
                            open.Add(element);
                        }

                        break;
                    case XmlNodeType.EndElement:
                        var closed = open[^1];
                        open.RemoveAt(open.Count - 1);
                        if (closed.IsEmpty)
                        {
                            // Written as <x></x>: keep the end tag.
                            closed.Add(string.Empty);
                        }

                        (open.Count == 0 ? (XContainer)document : open[^1]).Add(closed);
                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.Whitespace:
                    case XmlNodeType.SignificantWhitespace:
                        parent.Add(ReadText());
                        break;
                    case XmlNodeType.CDATA:
                        parent.Add(new XCData(reader.Value));
                        break;
                    case XmlNodeType.Comment:
                        parent.Add(new XComment(reader.Value));
                        break;
                    case XmlNodeType.ProcessingInstruction:
                        parent.Add(new XProcessingInstruction(reader.Name, reader.Value));
                        break;
                    case XmlNodeType.XmlDeclaration:
                        var start = Offset() - 2;
                        var end = xml.IndexOf("?>", start, StringComparison.Ordinal) + 2;
                        XmlStyle.SetDeclaration(document, xml[start..end]);
                        break;
                    default:
                        throw new XmlException($"Unsupported XML node type {reader.NodeType}.");
                }
            }

            XmlStyle.SetDefaultQuote(document, documentQuote ?? '\'');
            XmlStyle.SetEscapeQuotes(document, escapedQuotes > rawQuotes);
            return document;
        }

        private XElement ReadElement(ref char? documentQuote)
        {
            if (limitDepth && reader.Depth >= LibvirtXmlDocument.MaxElementDepth)
            {
                throw new LibvirtXmlParseException(
                    $"{Describe(source)} nests elements more than {LibvirtXmlDocument.MaxElementDepth} levels deep, the limit libvirt's "
                    + $"own parser has (line {lineInfo.LineNumber}, column {lineInfo.LinePosition}).",
                    source, lineInfo.LineNumber, lineInfo.LinePosition, null);
            }

            var tagStart = Offset() - 1;
            var empty = reader.IsEmptyElement;
            if (reader.AttributeCount > ManyAttributes)
            {
                return ReadElementWithManyAttributes(tagStart, EndOfStartTag(tagStart), empty);
            }

            // Carries its line and column for LibvirtXmlValueException when a typed read fails later.
            var element = new SourceElement(NameOf(reader, names), lineInfo.LineNumber, lineInfo.LinePosition);

            // What the writer would produce: '<' name (' ' name '=' quote value quote)* ('/>' | '>').
            var canonicalLength = 1 + reader.Name.Length + (empty ? 2 : 1);
            var attributeCount = 0;
            if (reader.MoveToFirstAttribute())
            {
                do
                {
                    var value = reader.Value;
                    var attribute = new XAttribute(AttributeName(reader, names), value);
                    canonicalLength += reader.Name.Length + value.Length + 4;
                    attributeCount++;
                    var quote = reader.QuoteChar;
                    documentQuote ??= quote;
                    if (quote != documentQuote)
                    {
                        XmlStyle.MarkQuote(attribute, quote);
                    }

                    element.Add(attribute);
                }
                while (reader.MoveToNextAttribute());
                reader.MoveToElement();
            }

            if (!IsCanonical(tagStart, canonicalLength, attributeCount))
            {
                var tag = xml.AsSpan(tagStart, EndOfStartTag(tagStart) - tagStart);
                CountQuoteStyle(tag, attributeCount);
                XmlSourceText.SetStartTag(element, tag.ToString());
            }

            return element;
        }

        /// <summary>
        /// Lets LINQ to XML build an element with very many attributes from its start tag alone (made self-closing),
        /// with the namespaces in scope here, and keeps the start tag's text for the writer.
        /// </summary>
        private XElement ReadElementWithManyAttributes(int tagStart, int tagEnd, bool empty)
        {
            var position = new XmlSourcePosition(lineInfo.LineNumber, lineInfo.LinePosition);
            var raw = xml[tagStart..tagEnd];
            var selfClosing = empty ? raw : raw[..^1] + "/>";
            var namespaces = new XmlNamespaceManager(reader.NameTable);
            foreach (var (prefix, uri) in ((IXmlNamespaceResolver)reader).GetNamespacesInScope(XmlNamespaceScope.ExcludeXml))
            {
                namespaces.AddNamespace(prefix, uri);
            }

            var context = new XmlParserContext(reader.NameTable, namespaces, null, XmlSpace.None);
            XElement element;
            using (var tagReader = XmlReader.Create(new StringReader(selfClosing), Settings, context))
            {
                element = XElement.Load(tagReader);
            }

            element.AddAnnotation(position);
            CountQuoteStyle(raw, reader.AttributeCount);
            XmlSourceText.SetStartTag(element, raw);
            return element;
        }

        private XText ReadText()
        {
            var value = reader.Value;
            var text = new XText(value);
            var start = Offset();
            var end = xml.IndexOf('<', start);
            var raw = xml.AsSpan(start, (end < 0 ? xml.Length : end) - start);
            if (raw.ContainsAny(TextSpecial))
            {
                escapedQuotes += raw.Count("&apos;") + raw.Count("&quot;");
                rawQuotes += raw.Count('\'') + raw.Count('"');
                XmlSourceText.SetText(text, raw.ToString());
            }

            return text;
        }

        /// <summary>
        /// Whether the start tag at <paramref name="tagStart"/> is exactly what the writer produces from the element:
        /// as long as that, ending in its first <c>&gt;</c>, with no reference, tab, line break or quote inside a value.
        /// Checked without finding the tag's end first, which is what most of the cost of a scan would be.
        /// </summary>
        private bool IsCanonical(int tagStart, int canonicalLength, int attributeCount)
        {
            if (tagStart + canonicalLength > xml.Length || xml[tagStart + canonicalLength - 1] != '>')
            {
                return false;
            }

            var tag = xml.AsSpan(tagStart, canonicalLength);
            return !tag[1..^1].ContainsAny(TagSpecial) && tag.Count('\'') + tag.Count('"') == 2 * attributeCount;
        }

        /// <summary>Evidence for the document's style: quotes escaped where they need not be, or left raw.</summary>
        private void CountQuoteStyle(ReadOnlySpan<char> tag, int attributeCount)
        {
            escapedQuotes += tag.Count("&apos;") + tag.Count("&quot;");
            rawQuotes += Math.Max(0, tag.Count('\'') + tag.Count('"') - (2 * attributeCount));
        }

        /// <summary>The offset just past the <c>&gt;</c> that ends the start tag beginning at <paramref name="tagStart"/>.</summary>
        private int EndOfStartTag(int tagStart)
        {
            var i = tagStart + 1;
            while (true)
            {
                var next = xml.AsSpan(i).IndexOfAny(QuotesOrEnd);
                var c = xml[i + next];
                if (c == '>')
                {
                    return i + next + 1;
                }

                // A quoted attribute value, which the reader has already found well-formed.
                i = xml.IndexOf(c, i + next + 1) + 1;
            }
        }

        /// <summary>
        /// The offset in the text of the reader's current position. Nodes arrive in document order, so the line
        /// table is walked forward once: line breaks counted the way the reader counts them (CR LF, CR, LF).
        /// </summary>
        private int Offset()
        {
            var target = lineInfo.LineNumber;
            while (line < target)
            {
                var next = xml.AsSpan(lineStart).IndexOfAny('\r', '\n') + lineStart;
                lineStart = xml[next] == '\r' && next + 1 < xml.Length && xml[next + 1] == '\n' ? next + 2 : next + 1;
                line++;
            }

            return lineStart + lineInfo.LinePosition - 1;
        }
    }
}
