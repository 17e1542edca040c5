using System.Xml.Linq;

namespace LibvirtNested.Xml.DomainCapabilities;

/// <summary><c>/domainCapabilities/features/*</c>: a guest feature (gic, vmcoreinfo, genid, sev, sgx, hyperv, …).</summary>
public sealed class DomainCapabilitiesFeature : XmlView
{
    internal DomainCapabilitiesFeature(XElement element)
        : base(element)
    {
    }

    /// <summary>The feature: the element name, such as <c>sev</c>.</summary>
    public string Name => Element.Name.LocalName;

    /// <summary><c>@supported</c>; <see langword="false"/> when absent.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not yes/no (on read).</exception>
    public bool Supported => GetBooleanAttribute("supported") ?? false;

    /// <summary>The values of <c>enum[@name=<paramref name="name"/>]</c>, e.g. gic's <c>version</c> or hyperv's <c>features</c>.</summary>
    /// <param name="name">The enum name.</param>
    /// <returns>The values; empty when absent.</returns>
    public IReadOnlyList<string> GetEnum(string name) => DomainCapabilitiesEnums.Read(Element, name);
}
