using System.Xml.Linq;

namespace LibvirtNested.Xml.Network;

/// <summary><c>/network/dns/host</c>: a static DNS record mapping host names to one address.</summary>
public sealed class NetworkDnsHost : XmlView
{
    internal NetworkDnsHost(XElement element)
        : base(element)
    {
    }

    /// <summary><c>@ip</c>: the address the names resolve to.</summary>
    public string? Ip
    {
        get => GetAttribute("ip");
        set => SetAttribute("ip", value);
    }

    /// <summary><c>hostname</c> children: the names.</summary>
    public IReadOnlyList<string> Hostnames => Element.Elements("hostname").Select(h => h.Value).ToList();
}
