using System.Globalization;
using System.Net;
using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Network;

/// <content>The typed elements of <c>&lt;network&gt;</c>.</content>
public sealed partial class NetworkXml
{
    /// <summary>The order in which libvirt's formatter writes the children of <c>&lt;network&gt;</c>; new elements go to their place.</summary>
    private static readonly string[] Order =
        ["name", "uuid", "title", "description", "metadata", "forward", "bridge", "mtu", "mac", "domain", "dns", "vlan", "bandwidth", "port", "ip", "route", "portgroup"];

    // Views handed out before; see ViewCache for why a cached view never outlives its element.
    private NetworkForward? cachedForward;
    private NetworkBridge? cachedBridge;
    private NetworkDomain? cachedDomain;
    private NetworkDns? cachedDns;
    private ViewList<NetworkIp>? cachedIps;

    /// <summary><c>/network/uuid</c>; libvirt generates one when absent.</summary>
    /// <exception cref="LibvirtXmlValueException">The element does not hold a UUID (on read).</exception>
    public Guid? Uuid
    {
        get => XmlValues.ParseUuid(GetChild("uuid"));

        set
        {
            if (value is null)
            {
                RemoveChildren("uuid");
                return;
            }

            ChildOrder.GetOrAdd(Element, "uuid", Order).Value = value.Value.ToString("D", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// <c>/network/@ipv6</c>: allow IPv6 between guests even though the network has no IPv6 address (no gateway,
    /// nothing routed). <see langword="null"/> when absent (no).
    /// </summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not yes/no (on read).</exception>
    public bool? Ipv6
    {
        get => GetBooleanAttribute("ipv6");
        set => SetYesNoAttribute("ipv6", value);
    }

    /// <summary><c>/network/forward</c>; <see langword="null"/> for an isolated network.</summary>
    public NetworkForward? Forward => ViewCache.Child(ref cachedForward, GetChild("forward"), static e => new NetworkForward(e));

    /// <summary><c>/network/bridge</c>; <see langword="null"/> when absent.</summary>
    public NetworkBridge? Bridge => ViewCache.Child(ref cachedBridge, GetChild("bridge"), static e => new NetworkBridge(e));

    /// <summary><c>/network/mac/@address</c>: the bridge's MAC address.</summary>
    public string? Mac
    {
        get => GetChild("mac")?.Attribute("address")?.Value;
        set
        {
            if (value is null)
            {
                RemoveChildren("mac");
                return;
            }

            ChildOrder.GetOrAdd(Element, "mac", Order).SetAttributeValue("address", value);
        }
    }

    /// <summary><c>/network/domain</c>; <see langword="null"/> when absent.</summary>
    public NetworkDomain? Domain => ViewCache.Child(ref cachedDomain, GetChild("domain"), static e => new NetworkDomain(e));

    /// <summary><c>/network/dns</c>; <see langword="null"/> when absent (DNS on, no extra records).</summary>
    public NetworkDns? Dns => ViewCache.Child(ref cachedDns, GetChild("dns"), static e => new NetworkDns(e));

    /// <summary><c>/network/ip</c>: the host's addresses on the network, IPv4 and IPv6.</summary>
    public IReadOnlyList<NetworkIp> Ips => ViewCache.Children(ref cachedIps, Element, "ip", static e => new NetworkIp(e));

    /// <summary><c>/network/forward</c>, added when absent.</summary>
    /// <returns>The forward settings.</returns>
    public NetworkForward GetOrAddForward() => new(ChildOrder.GetOrAdd(Element, "forward", Order));

    /// <summary>Removes <c>/network/forward</c>, making the network isolated.</summary>
    public void RemoveForward() => RemoveChildren("forward");

    /// <summary><c>/network/bridge</c>, added when absent.</summary>
    /// <returns>The bridge settings.</returns>
    public NetworkBridge GetOrAddBridge() => new(ChildOrder.GetOrAdd(Element, "bridge", Order));

    /// <summary>Removes <c>/network/bridge</c>.</summary>
    public void RemoveBridge() => RemoveChildren("bridge");

    /// <summary><c>/network/domain</c>, added when absent, with its name set to <paramref name="name"/>.</summary>
    /// <param name="name">The DNS domain name (<c>/network/domain/@name</c>).</param>
    /// <returns>The domain settings.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public NetworkDomain GetOrAddDomain(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new NetworkDomain(ChildOrder.GetOrAdd(Element, "domain", Order)) { Name = name };
    }

    /// <summary>Removes <c>/network/domain</c>.</summary>
    public void RemoveDomain() => RemoveChildren("domain");

    /// <summary><c>/network/dns</c>, added when absent.</summary>
    /// <returns>The DNS settings.</returns>
    public NetworkDns GetOrAddDns() => new(ChildOrder.GetOrAdd(Element, "dns", Order));

    /// <summary>Removes <c>/network/dns</c>.</summary>
    public void RemoveDns() => RemoveChildren("dns");

    /// <summary>Adds <c>&lt;ip address='…' netmask='…'/&gt;</c> for an IPv4 subnet, after the existing addresses.</summary>
    /// <param name="address">The host's address on the bridge.</param>
    /// <param name="subnet">The subnet; must contain <paramref name="address"/>.</param>
    /// <returns>The new address.</returns>
    /// <exception cref="ArgumentException"><paramref name="address"/> is not IPv4 or not in <paramref name="subnet"/>.</exception>
    public NetworkIp AddIpv4(IPAddress address, Ipv4Subnet subnet)
    {
        ArgumentNullException.ThrowIfNull(address);
        _ = Ipv4Subnet.ToUInt32(address, nameof(address));
        if (!subnet.Contains(address))
        {
            throw new ArgumentException($"The address {address} is not in the subnet {subnet}.", nameof(address));
        }

        var ip = new XElement("ip", new XAttribute("address", address.ToString()), new XAttribute("netmask", subnet.Netmask.ToString()));
        return new NetworkIp(ChildOrder.Insert(Element, ip, Order));
    }

    /// <summary>Adds <c>&lt;ip family='…' address='…' prefix='…'/&gt;</c>, after the existing addresses.</summary>
    /// <param name="address">The host's address on the bridge (IPv4 or IPv6).</param>
    /// <param name="prefix">The prefix length.</param>
    /// <returns>The new address.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The prefix is longer than the address.</exception>
    public NetworkIp AddIp(IPAddress address, int prefix)
    {
        ArgumentNullException.ThrowIfNull(address);
        var ipv6 = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        ArgumentOutOfRangeException.ThrowIfNegative(prefix);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefix, ipv6 ? 128 : 32);
        var ip = new XElement("ip");
        if (ipv6)
        {
            ip.SetAttributeValue("family", "ipv6");
        }

        ip.SetAttributeValue("address", address.ToString());
        ip.SetAttributeValue("prefix", prefix.ToString(CultureInfo.InvariantCulture));
        return new NetworkIp(ChildOrder.Insert(Element, ip, Order));
    }

    /// <summary>Removes an address (and its DHCP server), with its indentation.</summary>
    /// <param name="ip">An address of this network.</param>
    /// <exception cref="ArgumentException">The address belongs to another document.</exception>
    public void RemoveIp(NetworkIp ip)
    {
        ArgumentNullException.ThrowIfNull(ip);
        if (ip.Element.Parent != Element)
        {
            throw new ArgumentException("The <ip> element does not belong to this network.", nameof(ip));
        }

        XmlTree.Remove(ip.Element);
    }

    /// <summary>The first IPv4 <c>&lt;ip&gt;</c> (what the walkthrough's NAT network has exactly one of), or <see langword="null"/>.</summary>
    public NetworkIp? Ipv4 => Ips.FirstOrDefault(ip => !ip.IsIpv6);
}
