using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Network;

/// <summary><c>/network/dns</c>: the network's DNS server (dnsmasq): forwarders, host records. TXT and SRV records are reachable through <see cref="XmlView.Element"/>.</summary>
public sealed class NetworkDns : XmlView
{
    private static readonly string[] Order = ["forwarder", "txt", "srv", "host"];

    // Views handed out before; see ViewCache for why a cached view never outlives its element.
    private ViewList<NetworkDnsForwarder>? cachedForwarders;
    private ViewList<NetworkDnsHost>? cachedHosts;

    internal NetworkDns(XElement element)
        : base(element)
    {
    }

    /// <summary><c>/network/dns/@enable</c>: <see langword="false"/> turns libvirt's DNS server off; <see langword="null"/> when absent (on).</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not yes/no (on read).</exception>
    public bool? Enable
    {
        get => GetBooleanAttribute("enable");
        set => SetYesNoAttribute("enable", value);
    }

    /// <summary><c>/network/dns/@forwardPlainNames</c>: forward single-label names upstream.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not yes/no (on read).</exception>
    public bool? ForwardPlainNames
    {
        get => GetBooleanAttribute("forwardPlainNames");
        set => SetYesNoAttribute("forwardPlainNames", value);
    }

    /// <summary><c>/network/dns/forwarder</c>: upstream servers, optionally per domain.</summary>
    public IReadOnlyList<NetworkDnsForwarder> Forwarders => ViewCache.Children(ref cachedForwarders, Element, "forwarder", static e => new NetworkDnsForwarder(e));

    /// <summary><c>/network/dns/host</c>: static address records.</summary>
    public IReadOnlyList<NetworkDnsHost> Hosts => ViewCache.Children(ref cachedHosts, Element, "host", static e => new NetworkDnsHost(e));

    /// <summary>Adds <c>&lt;forwarder addr='…' domain='…'/&gt;</c>.</summary>
    /// <param name="address">The upstream server's address, or <see langword="null"/> (with a domain: resolve it locally only).</param>
    /// <param name="domain">Only forward queries for this domain, or <see langword="null"/> for all.</param>
    /// <returns>The new forwarder.</returns>
    /// <exception cref="ArgumentException">Both are <see langword="null"/>.</exception>
    public NetworkDnsForwarder AddForwarder(string? address, string? domain = null)
    {
        if (address is null && domain is null)
        {
            throw new ArgumentException("A DNS forwarder needs an address, a domain, or both.", nameof(address));
        }

        var forwarder = new XElement("forwarder");
        forwarder.SetAttributeValue("addr", address);
        forwarder.SetAttributeValue("domain", domain);
        return new NetworkDnsForwarder(ChildOrder.Insert(Element, forwarder, Order));
    }

    /// <summary>Adds <c>&lt;host ip='…'&gt;&lt;hostname&gt;…&lt;/hostname&gt;…&lt;/host&gt;</c>.</summary>
    /// <param name="ip">The address.</param>
    /// <param name="hostnames">One or more names for it.</param>
    /// <returns>The new record.</returns>
    /// <exception cref="ArgumentException">No host name is given, or one is empty.</exception>
    public NetworkDnsHost AddHost(string ip, params string[] hostnames)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ip);
        ArgumentNullException.ThrowIfNull(hostnames);
        if (hostnames.Length == 0 || hostnames.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"A DNS host record for {ip} needs at least one non-empty host name.", nameof(hostnames));
        }

        var host = new XElement("host", new XAttribute("ip", ip), hostnames.Select(n => new XElement("hostname", n)));
        return new NetworkDnsHost(ChildOrder.Insert(Element, host, Order));
    }
}
