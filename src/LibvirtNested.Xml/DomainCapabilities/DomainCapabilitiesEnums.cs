using System.Xml.Linq;

namespace LibvirtNested.Xml.DomainCapabilities;

/// <summary>Reads libvirt's <c>&lt;enum name='…'&gt;&lt;value&gt;…&lt;/value&gt;&lt;/enum&gt;</c> lists.</summary>
internal static class DomainCapabilitiesEnums
{
    /// <summary>The values of the child enum named <paramref name="name"/>; empty when there is none.</summary>
    public static IReadOnlyList<string> Read(XElement? parent, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var list = parent?.Elements("enum").FirstOrDefault(e => string.Equals(e.Attribute("name")?.Value, name, StringComparison.Ordinal));
        return list?.Elements("value").Select(v => v.Value).ToList() ?? [];
    }

    /// <summary>The names of the child enums.</summary>
    public static IReadOnlyList<string> Names(XElement parent) =>
        parent.Elements("enum").Select(e => e.Attribute("name")?.Value).OfType<string>().ToList();
}
