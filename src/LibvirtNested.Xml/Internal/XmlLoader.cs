using System.Xml;
using System.Xml.Linq;

namespace LibvirtNested.Xml.Internal;

/// <summary>
/// Builds an <see cref="XDocument"/> from text, keeping what a lossless round trip needs and LINQ to XML
/// forgets: which quote each attribute used, <c>&lt;x&gt;&lt;/x&gt;</c> versus <c>&lt;x/&gt;</c>, every
/// whitespace node, and the exact XML declaration. DTDs are refused, so no entity is ever expanded and no
/// external resource is ever read.
/// </summary>
internal static class XmlLoader
{
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

    public static XDocument Load(TextReader text, string expectedRoot, string? source) =>
        Parse(text.ReadToEnd(), expectedRoot, source);

    public static XDocument Parse(string xml, string expectedRoot, string? source)
    {
        ArgumentNullException.ThrowIfNull(xml);
        XDocument document;
        using (var reader = XmlReader.Create(new StringReader(xml), Settings))
        {
            try
            {
                document = Build(reader);
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

    private static string Describe(string? source) => source is null ? "The document" : $"'{source}'";

    private static XDocument Build(XmlReader reader)
    {
        var document = new XDocument();
        XContainer parent = document;
        char? documentQuote = null;

        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
                    if (reader is IXmlLineInfo { } lines && lines.HasLineInfo())
                    {
                        // For LibvirtXmlValueException's line and column when a typed read fails later.
                        element.AddAnnotation(new XmlSourcePosition(lines.LineNumber, lines.LinePosition));
                    }

                    var empty = reader.IsEmptyElement;
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            var attribute = new XAttribute(AttributeName(reader), reader.Value);
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

                    parent.Add(element);
                    if (!empty)
                    {
                        parent = element;
                    }

                    break;
                case XmlNodeType.EndElement:
                    if (parent is XElement { IsEmpty: true } closed)
                    {
                        // Written as <x></x>: keep the end tag.
                        closed.Add(string.Empty);
                    }

                    parent = parent.Parent ?? (XContainer)document;
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    parent.Add(new XText(reader.Value));
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
                    XmlStyle.SetDeclaration(document, reader.Value);
                    break;
                default:
                    throw new XmlException($"Unsupported XML node type {reader.NodeType}.");
            }
        }

        XmlStyle.SetDefaultQuote(document, documentQuote ?? '\'');
        return document;
    }

    private static XName AttributeName(XmlReader reader)
    {
        if (reader.Prefix == "xmlns")
        {
            return XNamespace.Xmlns + reader.LocalName;
        }

        if (reader.Prefix.Length == 0 && reader.LocalName == "xmlns")
        {
            return "xmlns";
        }

        return XName.Get(reader.LocalName, reader.NamespaceURI);
    }
}
