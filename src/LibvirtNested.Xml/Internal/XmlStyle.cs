using System.Xml.Linq;

namespace LibvirtNested.Xml.Internal;

/// <summary>
/// Source-text details kept as annotations so that a document is written back as it was read:
/// the quote most attributes used (libvirt writes single quotes), each attribute that used the other one,
/// and the XML declaration verbatim. Documents in one quote style carry no per-attribute annotation.
/// </summary>
internal static class XmlStyle
{
    private sealed class DocumentStyle
    {
        public char Quote = '\'';
        public string? Declaration;
    }

    private sealed class QuoteMark
    {
        public static readonly QuoteMark Single = new('\'');
        public static readonly QuoteMark Double = new('"');

        private QuoteMark(char quote) => Quote = quote;

        public char Quote { get; }
    }

    public static void SetDefaultQuote(XDocument document, char quote) => GetOrAdd(document).Quote = quote;

    public static void SetDeclaration(XDocument document, string declaration) => GetOrAdd(document).Declaration = declaration;

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
