using System.Xml.Linq;

namespace LibvirtNested.Xml.Internal;

/// <summary>Reads an element's text as <see cref="XElement.Value"/> does, without copying it in the common case.</summary>
internal static class ElementText
{
    /// <summary>
    /// The text of <paramref name="element"/>, exactly <see cref="XElement.Value"/>. A parsed element keeps its text
    /// as an <see cref="XText"/> node, for which <see cref="XElement.Value"/> builds a new string on every read;
    /// the text of an element whose only child is one text (or CDATA) node is that node's string, returned as it is.
    /// </summary>
    /// <param name="element">The element.</param>
    /// <returns>The concatenated text of the element.</returns>
    public static string Of(XElement element) =>
        element.FirstNode is XText only && only.NextNode is null ? only.Value : element.Value;
}
