using System.Xml.Linq;

namespace LibvirtNested.Xml.DomainCapabilities;

/// <summary><c>/domainCapabilities/devices/*</c>: one device kind (disk, graphics, hostdev, …) and the values its attributes may take.</summary>
public sealed class DomainCapabilitiesDevice : XmlView
{
    internal DomainCapabilitiesDevice(XElement element)
        : base(element)
    {
    }

    /// <summary>The device kind: the element name, such as <c>disk</c>.</summary>
    public string Name => Element.Name.LocalName;

    /// <summary><c>@supported</c>; <see langword="false"/> when absent.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not yes/no (on read).</exception>
    public bool Supported => GetBooleanAttribute("supported") ?? false;

    /// <summary>The names of the device's enums, such as <c>diskDevice</c>, <c>bus</c>, <c>model</c>.</summary>
    public IReadOnlyList<string> EnumNames => DomainCapabilitiesEnums.Names(Element);

    /// <summary>The values of <c>enum[@name=<paramref name="name"/>]</c>.</summary>
    /// <param name="name">The enum name.</param>
    /// <returns>The values; empty when absent.</returns>
    public IReadOnlyList<string> GetEnum(string name) => DomainCapabilitiesEnums.Read(Element, name);
}
