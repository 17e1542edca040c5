using System.Xml;
using System.Xml.Linq;

namespace LibvirtNested.Xml.Internal;

/// <summary>
/// Where an element started in the parsed text. The loader builds its elements itself (to keep quotes and
/// empty-element style), so LINQ to XML's own line info is not set on them: most carry it as
/// <see cref="SourceElement"/>; the few built by LINQ to XML's loader (very many attributes) carry this as an annotation.
/// </summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
internal sealed record XmlSourcePosition(int Line, int Column)
{
    /// <summary>The position of <paramref name="node"/> (or its element), from this annotation or LINQ to XML's line info; <see langword="null"/> when unknown.</summary>
    public static XmlSourcePosition? Of(XObject node)
    {
        var element = node as XElement ?? node.Parent;
        if (element is SourceElement source)
        {
            return new XmlSourcePosition(source.Line, source.Column);
        }

        if (element?.Annotation<XmlSourcePosition>() is { } position)
        {
            return position;
        }

        IXmlLineInfo info = node;
        return info.HasLineInfo() ? new XmlSourcePosition(info.LineNumber, info.LinePosition) : null;
    }
}
