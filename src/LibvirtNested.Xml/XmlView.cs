using System.Globalization;
using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml;

/// <summary>
/// Base of every typed object in LibvirtNested.Xml: a view over one <see cref="XElement"/> of a document, not a
/// copy. Reading a property reads the tree; setting one changes only the attribute or element it owns; setting
/// <see langword="null"/> removes it. Everything the typed model does not know stays exactly as it was.
/// </summary>
public abstract class XmlView
{
    /// <summary>Creates a view over <paramref name="element"/>.</summary>
    /// <param name="element">The element this view reads and edits.</param>
    protected XmlView(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        Element = element;
    }

    /// <summary>
    /// The element behind this view: the escape hatch for anything the typed model does not cover, with all of
    /// LINQ to XML. Changes made through it are seen by every view of the same document.
    /// </summary>
    public XElement Element { get; }

    /// <summary>The element as libvirt-style XML text, written exactly as it stands in the document.</summary>
    /// <returns>The XML of this element and its subtree.</returns>
    public override string ToString() => LibvirtXmlWriter.Write(Element);

    /// <summary>Reads an attribute; <see langword="null"/> when absent.</summary>
    /// <param name="name">Attribute name.</param>
    /// <returns>The attribute's value or <see langword="null"/>.</returns>
    protected string? GetAttribute(XName name) => Element.Attribute(name)?.Value;

    /// <summary>Sets an attribute in place (or appends it); <see langword="null"/> removes it.</summary>
    /// <param name="name">Attribute name.</param>
    /// <param name="value">New value or <see langword="null"/>.</param>
    protected void SetAttribute(XName name, string? value) => Element.SetAttributeValue(name, value);

    /// <summary>Reads an attribute holding a whole number.</summary>
    /// <param name="name">Attribute name.</param>
    /// <returns>The number, or <see langword="null"/> when the attribute is absent.</returns>
    /// <exception cref="LibvirtXmlValueException">The attribute is not a number.</exception>
    protected long? GetInt64Attribute(XName name) => XmlValues.ParseInt64(Element, name);

    /// <summary>Reads an attribute holding a non-negative whole number (decimal, or hexadecimal with <c>0x</c>).</summary>
    /// <param name="name">Attribute name.</param>
    /// <returns>The number, or <see langword="null"/> when the attribute is absent.</returns>
    /// <exception cref="LibvirtXmlValueException">The attribute is not such a number.</exception>
    protected ulong? GetUInt64Attribute(XName name) => XmlValues.ParseUInt64(Element, name);

    /// <summary>Reads an attribute holding a non-negative whole number that fits an <see cref="int"/>.</summary>
    /// <param name="name">Attribute name.</param>
    /// <returns>The number, or <see langword="null"/> when the attribute is absent.</returns>
    /// <exception cref="LibvirtXmlValueException">The attribute is not such a number.</exception>
    protected int? GetInt32Attribute(XName name) => XmlValues.ParseInt32(Element, name);

    /// <summary>Writes a whole number as an attribute; <see langword="null"/> removes it.</summary>
    /// <param name="name">Attribute name.</param>
    /// <param name="value">The number or <see langword="null"/>.</param>
    protected void SetNumberAttribute(XName name, long? value) =>
        SetAttribute(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Reads a libvirt boolean attribute: <c>yes</c>/<c>no</c> or <c>on</c>/<c>off</c>.</summary>
    /// <param name="name">Attribute name.</param>
    /// <returns>The value, or <see langword="null"/> when the attribute is absent.</returns>
    /// <exception cref="LibvirtXmlValueException">The attribute holds another word.</exception>
    protected bool? GetBooleanAttribute(XName name) => XmlValues.ParseBoolean(Element, name);

    /// <summary>Writes a libvirt <c>yes</c>/<c>no</c> attribute; <see langword="null"/> removes it.</summary>
    /// <param name="name">Attribute name.</param>
    /// <param name="value">The value or <see langword="null"/>.</param>
    protected void SetYesNoAttribute(XName name, bool? value) =>
        SetAttribute(name, value switch { null => null, true => "yes", false => "no" });

    /// <summary>The first child element with this name, or <see langword="null"/>.</summary>
    /// <param name="name">Element name.</param>
    /// <returns>The child or <see langword="null"/>.</returns>
    protected XElement? GetChild(XName name) => Element.Element(name);

    /// <summary>The first child element with this name, added (indented like its siblings, after them) when absent.</summary>
    /// <param name="name">Element name.</param>
    /// <returns>The existing or new child.</returns>
    protected XElement GetOrAddChild(XName name) => Element.Element(name) ?? XmlTree.Append(Element, new XElement(name));

    /// <summary>Adds a child element after the last element child, indented like its siblings.</summary>
    /// <param name="child">A new element; its own children are indented one step further.</param>
    /// <returns><paramref name="child"/>.</returns>
    protected XElement AddChild(XElement child) => XmlTree.Append(Element, child);

    /// <summary>Removes every child element with this name, with its indentation.</summary>
    /// <param name="name">Element name.</param>
    protected void RemoveChildren(XName name)
    {
        foreach (var child in Element.Elements(name).ToList())
        {
            XmlTree.Remove(child);
        }
    }

    /// <summary>The text of the first child element with this name, or <see langword="null"/> when absent.</summary>
    /// <param name="name">Element name.</param>
    /// <returns>The text or <see langword="null"/>.</returns>
    protected string? GetChildText(XName name) => Element.Element(name) is { } child ? ElementText.Of(child) : null;

    /// <summary>Sets the text of a child element, adding it when absent; <see langword="null"/> removes the element.</summary>
    /// <param name="name">Element name.</param>
    /// <param name="value">Text or <see langword="null"/>.</param>
    protected void SetChildText(XName name, string? value)
    {
        if (value is null)
        {
            RemoveChildren(name);
            return;
        }

        GetOrAddChild(name).Value = value;
    }

    /// <summary>A readable path to this element, such as <c>/domain/devices/disk[2]</c>, for messages.</summary>
    /// <returns>The path.</returns>
    protected string GetPath() => XmlTree.PathOf(Element);
}
