using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.DomainCapabilities;

/// <summary><c>/domainCapabilities/os</c>: the firmware kinds and loader images a guest can use.</summary>
public sealed class DomainCapabilitiesOs : XmlView
{
    internal DomainCapabilitiesOs(XElement element)
        : base(element)
    {
    }

    /// <summary><c>/domainCapabilities/os/@supported</c>; <see langword="false"/> when absent.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not yes/no (on read).</exception>
    public bool Supported => GetBooleanAttribute("supported") ?? false;

    /// <summary><c>enum[@name='firmware']</c>: firmware auto-selection values, <c>bios</c> and <c>efi</c>; empty when none are detected.</summary>
    public IReadOnlyList<string> Firmwares => GetEnum("firmware");

    /// <summary><c>loader/@supported</c>.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not yes/no (on read).</exception>
    public bool? LoaderSupported => GetChild("loader") is { } loader ? XmlValues.ParseBoolean(loader, "supported") : null;

    /// <summary><c>loader/value</c>: paths of the firmware images found, such as <c>/usr/share/OVMF/OVMF_CODE.fd</c>.</summary>
    public IReadOnlyList<string> LoaderValues => GetChild("loader")?.Elements("value").Select(v => v.Value).ToList() ?? [];

    /// <summary><c>loader/enum[@name='type']</c>: <c>rom</c>, <c>pflash</c>.</summary>
    public IReadOnlyList<string> LoaderTypes => DomainCapabilitiesEnums.Read(GetChild("loader"), "type");

    /// <summary><c>loader/enum[@name='secure']</c>: whether Secure Boot can be on (<c>yes</c>) or off (<c>no</c>).</summary>
    public IReadOnlyList<string> LoaderSecure => DomainCapabilitiesEnums.Read(GetChild("loader"), "secure");

    /// <summary>The values of <c>os/enum[@name=<paramref name="name"/>]</c>.</summary>
    /// <param name="name">The enum name.</param>
    /// <returns>The values; empty when absent.</returns>
    public IReadOnlyList<string> GetEnum(string name) => DomainCapabilitiesEnums.Read(Element, name);
}
