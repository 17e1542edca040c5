using System.Xml;
using System.Xml.Linq;

namespace LibvirtNested.Xml.Internal;

/// <summary>
/// Element and attribute names that come from a caller. LINQ to XML turns a string into an <see cref="XName"/> only
/// if it is a valid XML name and otherwise throws <see cref="XmlException"/>; a lookup by a name no XML element can
/// have simply finds nothing, and a write of one is an <see cref="ArgumentException"/> naming the parameter.
/// </summary>
internal static class XmlNames
{
    /// <summary>The first child element without a namespace whose local name is <paramref name="localName"/>.</summary>
    public static XElement? Child(XElement? parent, string localName)
    {
        for (var child = parent?.FirstNode; child is not null; child = child.NextNode)
        {
            if (child is XElement element && element.Name.Namespace == XNamespace.None
                && string.Equals(element.Name.LocalName, localName, StringComparison.Ordinal))
            {
                return element;
            }
        }

        return null;
    }

    /// <summary>The attribute without a namespace whose local name is <paramref name="localName"/>.</summary>
    public static XAttribute? Attribute(XElement element, string localName)
    {
        for (var attribute = element.FirstAttribute; attribute is not null; attribute = attribute.NextAttribute)
        {
            if (attribute.Name.Namespace == XNamespace.None && string.Equals(attribute.Name.LocalName, localName, StringComparison.Ordinal))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The name to write, or <see cref="ArgumentException"/> when <paramref name="name"/> is not an XML name without a prefix.</summary>
    public static XName Checked(string name, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(name, parameterName);
        try
        {
            return XName.Get(XmlConvert.VerifyNCName(name));
        }
        catch (XmlException e)
        {
            throw new ArgumentException($"'{name}' is not an XML element or attribute name: {e.Message}", parameterName, e);
        }
    }
}
