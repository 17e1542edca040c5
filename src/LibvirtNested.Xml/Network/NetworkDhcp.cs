using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Network;

/// <summary><c>/network/ip/dhcp</c>: the DHCP server of one address of the network: ranges and static hosts.</summary>
public sealed class NetworkDhcp : XmlView
{
    private static readonly string[] Order = ["range", "host", "bootp"];

    // Views handed out before; see ViewCache for why a cached view never outlives its element.
    private ViewList<NetworkDhcpRange>? cachedRanges;
    private ViewList<NetworkDhcpHost>? cachedHosts;

    internal NetworkDhcp(XElement element)
        : base(element)
    {
    }

    /// <summary><c>/network/ip/dhcp/range</c>: the dynamic ranges.</summary>
    public IReadOnlyList<NetworkDhcpRange> Ranges => ViewCache.Children(ref cachedRanges, Element, "range", static e => new NetworkDhcpRange(e));

    /// <summary><c>/network/ip/dhcp/host</c>: the static reservations.</summary>
    public IReadOnlyList<NetworkDhcpHost> Hosts => ViewCache.Children(ref cachedHosts, Element, "host", static e => new NetworkDhcpHost(e));

    /// <summary>Adds <c>&lt;range start='…' end='…'/&gt;</c> after the existing ranges.</summary>
    /// <param name="start">The first address handed out.</param>
    /// <param name="end">The last address handed out.</param>
    /// <returns>The new range.</returns>
    /// <exception cref="ArgumentException">An address is empty.</exception>
    public NetworkDhcpRange AddRange(string start, string end)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(start);
        ArgumentException.ThrowIfNullOrWhiteSpace(end);
        return new NetworkDhcpRange(ChildOrder.Insert(Element, new XElement("range", new XAttribute("start", start), new XAttribute("end", end)), Order));
    }

    /// <summary>
    /// Adds a static reservation <c>&lt;host mac='…' name='…' ip='…'/&gt;</c> after the existing hosts
    /// (what <c>virsh net-update … add ip-dhcp-host</c> does to the definition).
    /// </summary>
    /// <param name="mac">The guest NIC's MAC address, such as <c>52:54:00:6c:3c:01</c>; <see langword="null"/> to reserve by name only.</param>
    /// <param name="name">The guest's host name, or <see langword="null"/>.</param>
    /// <param name="ip">The reserved address.</param>
    /// <returns>The new host.</returns>
    /// <exception cref="LibvirtXmlValueException">The MAC address is not a unicast <c>uniMacAddr</c>, or a value has control characters.</exception>
    /// <exception cref="ArgumentException">
    /// Neither MAC nor name is given; or a host with the same MAC address, name or address already exists
    /// (libvirt would refuse the duplicate).
    /// </exception>
    public NetworkDhcpHost AddHost(string? mac, string? name, string ip)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ip);
        if (mac is null && name is null)
        {
            throw new ArgumentException($"A DHCP host for {ip} needs a MAC address, a name, or both.", nameof(mac));
        }

        LibvirtDatatypes.Text(ip, nameof(ip), "ipAddr");
        if (mac is not null)
        {
            LibvirtDatatypes.UniMacAddr(mac, nameof(mac));
        }

        if (name is not null)
        {
            LibvirtDatatypes.Text(name, nameof(name), "DHCP host name");
        }

        foreach (var existing in Hosts)
        {
            if (mac is not null && string.Equals(existing.Mac, mac, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"A DHCP host with MAC address {mac} already exists ({existing}).", nameof(mac));
            }

            if (name is not null && string.Equals(existing.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"A DHCP host named '{name}' already exists ({existing}).", nameof(name));
            }

            if (string.Equals(existing.Ip, ip, StringComparison.Ordinal))
            {
                throw new ArgumentException($"A DHCP host with address {ip} already exists ({existing}).", nameof(ip));
            }
        }

        var host = new XElement("host");
        host.SetAttributeValue("mac", mac);
        host.SetAttributeValue("name", name);
        host.SetAttributeValue("ip", ip);
        return new NetworkDhcpHost(ChildOrder.Insert(Element, host, Order));
    }

    /// <summary>The first static host whose MAC address, DUID or name (any case) or address equals <paramref name="key"/>.</summary>
    /// <param name="key">A MAC address, DUID, host name or IP address.</param>
    /// <returns>The host, or <see langword="null"/>.</returns>
    public NetworkDhcpHost? FindHost(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Hosts.FirstOrDefault(h =>
            string.Equals(h.Mac, key, StringComparison.OrdinalIgnoreCase)
            || string.Equals(h.Id, key, StringComparison.OrdinalIgnoreCase)
            || string.Equals(h.Name, key, StringComparison.OrdinalIgnoreCase)
            || string.Equals(h.Ip, key, StringComparison.Ordinal));
    }

    /// <summary>Removes the static host found by <see cref="FindHost"/>, with its indentation.</summary>
    /// <param name="key">A MAC address, DUID, host name or IP address.</param>
    /// <returns>Whether a host was removed.</returns>
    public bool RemoveHost(string key)
    {
        var host = FindHost(key);
        if (host is null)
        {
            return false;
        }

        XmlTree.Remove(host.Element);
        return true;
    }

    /// <summary>Removes a range, with its indentation.</summary>
    /// <param name="range">A range of this DHCP element.</param>
    /// <exception cref="ArgumentException">The range belongs to another element.</exception>
    public void RemoveRange(NetworkDhcpRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (range.Element.Parent != Element)
        {
            throw new ArgumentException("The range does not belong to this <dhcp> element.", nameof(range));
        }

        XmlTree.Remove(range.Element);
    }
}
