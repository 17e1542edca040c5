using System.Xml.Linq;

namespace LibvirtNested.Xml.Network;

/// <summary><c>/network/dns/forwarder</c>: an upstream DNS server.</summary>
public sealed class NetworkDnsForwarder : XmlView
{
    internal NetworkDnsForwarder(XElement element)
        : base(element)
    {
    }

    /// <summary><c>@addr</c>: the upstream server's address.</summary>
    public string? Address
    {
        get => GetAttribute("addr");
        set => SetAttribute("addr", value);
    }

    /// <summary><c>@domain</c>: only queries for this domain go to this forwarder.</summary>
    public string? Domain
    {
        get => GetAttribute("domain");
        set => SetAttribute("domain", value);
    }
}
