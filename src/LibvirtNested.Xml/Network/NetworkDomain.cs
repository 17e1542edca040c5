using System.Xml.Linq;

namespace LibvirtNested.Xml.Network;

/// <summary><c>/network/domain</c>: the DNS domain of the network's DHCP clients (dnsmasq's <c>--domain</c>).</summary>
public sealed class NetworkDomain : XmlView
{
    internal NetworkDomain(XElement element)
        : base(element)
    {
    }

    /// <summary><c>/network/domain/@name</c>, such as <c>nested.test</c>.</summary>
    public string? Name
    {
        get => GetAttribute("name");
        set => SetAttribute("name", value);
    }

    /// <summary><c>/network/domain/@localOnly</c>: answer queries for the domain only locally, never forward them.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not yes/no (on read).</exception>
    public bool? LocalOnly
    {
        get => GetBooleanAttribute("localOnly");
        set => SetYesNoAttribute("localOnly", value);
    }
}
