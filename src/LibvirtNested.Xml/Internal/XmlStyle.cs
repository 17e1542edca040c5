using System.Xml.Linq;

namespace LibvirtNested.Xml.Internal;

/// <summary>
/// Source-text details kept as annotations so that a document is written back as it was read:
/// the quote most attributes used (libvirt writes single quotes), each attribute that used the other one,
/// the XML declaration verbatim, whether new values escape both quote characters everywhere (libvirt writes
/// <c>&amp;apos;</c> and <c>&amp;quot;</c> in text and attributes alike) and the encoding the file was read in.
/// Documents in one quote style carry no per-attribute annotation.
/// </summary>
internal static class XmlStyle
{
    private sealed class DocumentStyle
    {
        public char Quote = '\'';
        public string? Declaration;
        public bool EscapeQuotes;
        public System.Text.Encoding? Encoding;
        public bool ByteOrderMark;
    }

    private sealed class QuoteMark
    {
        public static readonly QuoteMark Single = new('\'');
        public static readonly QuoteMark Double = new('"');

        private QuoteMark(char quote) => Quote = quote;

        public char Quote { get; }
    }

    public static void SetDefaultQuote(XDocument document, char quote) => GetOrAdd(document).Quote = quote;

    /// <summary>Keeps the declaration as written, from <c>&lt;?xml</c> to <c>?&gt;</c>.</summary>
    public static void SetDeclaration(XDocument document, string declaration) => GetOrAdd(document).Declaration = declaration;

    public static void SetEscapeQuotes(XDocument document, bool escape) => GetOrAdd(document).EscapeQuotes = escape;

    public static bool EscapeQuotes(XDocument? document) => document?.Annotation<DocumentStyle>()?.EscapeQuotes ?? false;

    /// <summary>Records the encoding a file or stream was decoded with, and whether it began with a byte-order mark.</summary>
    public static void SetEncoding(XDocument document, System.Text.Encoding encoding, bool byteOrderMark)
    {
        var style = GetOrAdd(document);
        style.Encoding = encoding;
        style.ByteOrderMark = byteOrderMark;
    }

    public static (System.Text.Encoding? Encoding, bool ByteOrderMark) EncodingOf(XDocument document)
    {
        var style = document.Annotation<DocumentStyle>();
        return (style?.Encoding, style?.ByteOrderMark ?? false);
    }

    public static char DefaultQuote(XDocument? document) => document?.Annotation<DocumentStyle>()?.Quote ?? '\'';

    public static string? Declaration(XDocument document) => document.Annotation<DocumentStyle>()?.Declaration;

    public static void MarkQuote(XAttribute attribute, char quote) =>
        attribute.AddAnnotation(quote == '"' ? QuoteMark.Double : QuoteMark.Single);

    public static char QuoteOf(XAttribute attribute, char documentQuote) =>
        attribute.Annotation<QuoteMark>()?.Quote ?? documentQuote;

    private static DocumentStyle GetOrAdd(XDocument document)
    {
        var style = document.Annotation<DocumentStyle>();
        if (style is null)
        {
            style = new DocumentStyle();
            document.AddAnnotation(style);
        }

        return style;
    }
}
