using System.Xml.Linq;

namespace LibvirtNested.Xml.Internal;

/// <summary>
/// An element built by <see cref="XmlLoader"/> that remembers where its start tag began in the parsed text (for
/// <see cref="LibvirtXmlValueException.LineNumber"/> and <see cref="LibvirtXmlValueException.LinePosition"/>).
/// Two fields in the element itself cost 8 bytes; an annotation object per element cost 24 bytes, an allocation
/// and LINQ to XML's annotation bookkeeping, on every element of every parse. A copy (<c>new XElement(e)</c>) is a
/// plain <see cref="XElement"/> without a position, as a copy of an annotated element was before.
/// </summary>
internal sealed class SourceElement : XElement
{
    public SourceElement(XName name, int line, int column)
        : base(name)
    {
        Line = line;
        Column = column;
    }

    /// <summary>1-based line of the start tag's <c>&lt;</c>.</summary>
    public int Line { get; }

    /// <summary>1-based column of the start tag's <c>&lt;</c>.</summary>
    public int Column { get; }
}
