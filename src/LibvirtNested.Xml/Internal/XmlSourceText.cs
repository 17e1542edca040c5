using System.Xml.Linq;

namespace LibvirtNested.Xml.Internal;

/// <summary>
/// The source text of nodes whose value alone does not say how they were written: a text node with entity or
/// character references (<c>&amp;apos;</c>, <c>&amp;#10;</c>), CR LF line ends or a raw <c>&gt;</c>; a start tag
/// with references in its attribute values, line breaks or extra spaces between attributes, or white space before
/// its <c>&gt;</c>. The writer copies that text back while the node still holds the value it was read with, and
/// writes the current value in the document's style once it has been changed. Nodes the writer reproduces exactly
/// from their value carry no annotation, so a typical document costs nothing here.
/// </summary>
internal static class XmlSourceText
{
    public static void SetText(XText text, string raw) => text.AddAnnotation(new RawText(text.Value, raw));

    /// <summary>The source of <paramref name="text"/> if its value is still the one it was read with.</summary>
    public static string? TextOf(XText text)
    {
        var raw = text.Annotation<RawText>();
        return raw is not null && string.Equals(text.Value, raw.Value, StringComparison.Ordinal) ? raw.Raw : null;
    }

    public static void SetStartTag(XElement element, string raw)
    {
        var count = 0;
        for (var a = element.FirstAttribute; a is not null; a = a.NextAttribute)
        {
            count++;
        }

        var attributes = new XAttribute[count];
        var values = new string[count];
        var i = 0;
        for (var a = element.FirstAttribute; a is not null; a = a.NextAttribute)
        {
            attributes[i] = a;
            values[i++] = a.Value;
        }

        element.AddAnnotation(new RawStartTag(raw, element.Name, attributes, values, raw.EndsWith("/>", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The source of <paramref name="element"/>'s start tag (from <c>&lt;</c> to <c>&gt;</c>) if its name, its
    /// attributes (the same objects, in the same order, with the same values) and its emptiness are unchanged.
    /// </summary>
    public static string? StartTagOf(XElement element)
    {
        var tag = element.Annotation<RawStartTag>();
        if (tag is null || tag.SelfClosing != element.IsEmpty || tag.Name != element.Name)
        {
            return null;
        }

        var i = 0;
        for (var a = element.FirstAttribute; a is not null; a = a.NextAttribute, i++)
        {
            if (i >= tag.Attributes.Length || !ReferenceEquals(a, tag.Attributes[i])
                || !string.Equals(a.Value, tag.Values[i], StringComparison.Ordinal))
            {
                return null;
            }
        }

        return i == tag.Attributes.Length ? tag.Text : null;
    }

    private sealed record RawText(string Value, string Raw);

    private sealed record RawStartTag(string Text, XName Name, XAttribute[] Attributes, string[] Values, bool SelfClosing);
}
