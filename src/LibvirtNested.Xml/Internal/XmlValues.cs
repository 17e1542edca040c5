using System.Globalization;
using System.Xml.Linq;

namespace LibvirtNested.Xml.Internal;

/// <summary>Conversions of attribute and element text, failing with a <see cref="LibvirtXmlValueException"/> that names the place.</summary>
internal static class XmlValues
{
    public static long? ParseInt64(XElement element, XName attribute)
    {
        var value = element.Attribute(attribute)?.Value;
        if (value is null)
        {
            return null;
        }

        return long.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw Error(element, attribute, value, "a whole number");
    }

    public static ulong? ParseUInt64(XElement element, XName attribute)
    {
        var value = element.Attribute(attribute)?.Value;
        return value is null ? null : ParseUInt64(element, attribute.LocalName, value);
    }

    public static int? ParseInt32(XElement element, XName attribute)
    {
        var value = element.Attribute(attribute)?.Value;
        if (value is null)
        {
            return null;
        }

        var n = ParseUInt64(element, attribute.LocalName, value);
        return n <= int.MaxValue ? (int)n : throw Error(element, attribute, value, $"a whole number from 0 to {int.MaxValue}");
    }

    /// <summary>Parses decimal, <c>0x</c> hexadecimal (as libvirt's address attributes use) or leading-zero octal-free numbers.</summary>
    public static ulong ParseUInt64(XElement element, string? attribute, string value)
    {
        var text = value.Trim();
        var ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var n)
            : ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out n);
        return ok ? n : throw Error(element, attribute, value, "a non-negative whole number");
    }

    public static bool? ParseBoolean(XElement element, XName attribute)
    {
        var value = element.Attribute(attribute)?.Value;
        return value switch
        {
            null => null,
            "yes" or "on" => true,
            "no" or "off" => false,
            _ => throw Error(element, attribute, value, "'yes' or 'no' (or 'on' / 'off')"),
        };
    }

    /// <summary>
    /// Reads a <c>&lt;uuid&gt;</c> element as libvirt's virUUIDParse does: 32 hex digits, hyphens and spaces
    /// between them ignored. <see langword="null"/> when the element is absent.
    /// </summary>
    public static Guid? ParseUuid(XElement? uuid)
    {
        if (uuid is null)
        {
            return null;
        }

        var digits = uuid.Value.Trim().Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        return Guid.TryParseExact(digits, "N", out var guid)
            ? guid
            : throw Error(uuid, (string?)null, uuid.Value, "a UUID such as 4dea22b3-1d52-d8f3-2516-782e98ab3fa0");
    }

    public static LibvirtXmlValueException Error(XElement element, XName? attribute, string value, string expected) =>
        Error(element, attribute?.LocalName, value, expected);

    /// <summary>The error for a value read from <paramref name="element"/>, with the element's line and column when the document kept them.</summary>
    public static LibvirtXmlValueException Error(XElement element, string? attribute, string value, string expected)
    {
        XObject node = attribute is null ? element : (XObject?)element.Attribute(attribute) ?? element;
        var position = XmlSourcePosition.Of(node);
        return new(XmlTree.PathOf(element), attribute, value, expected, position?.Line, position?.Column);
    }
}
