using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Network;

/// <summary><c>/network/ip/dhcp/host</c>: a static DHCP reservation (a fixed address for a MAC, DUID or name).</summary>
public sealed class NetworkDhcpHost : XmlView
{
    // Views handed out before; see ViewCache for why a cached view never outlives its element.
    private NetworkDhcpLease? cachedLease;

    internal NetworkDhcpHost(XElement element)
        : base(element)
    {
    }

    /// <summary><c>@mac</c>: the guest NIC's MAC address (IPv4).</summary>
    public string? Mac
    {
        get => GetAttribute("mac");
        set => SetAttribute("mac", value);
    }

    /// <summary><c>@id</c>: the client's DUID (DHCPv6).</summary>
    public string? Id
    {
        get => GetAttribute("id");
        set => SetAttribute("id", value);
    }

    /// <summary><c>@name</c>: the host name given to the guest (and resolvable through the network's DNS).</summary>
    public string? Name
    {
        get => GetAttribute("name");
        set => SetAttribute("name", value);
    }

    /// <summary><c>@ip</c>: the reserved address.</summary>
    public string? Ip
    {
        get => GetAttribute("ip");
        set => SetAttribute("ip", value);
    }

    /// <summary><c>lease</c>: the lease time of this host; <see langword="null"/> when absent.</summary>
    public NetworkDhcpLease? Lease => ViewCache.Child(ref cachedLease, GetChild("lease"), static e => new NetworkDhcpLease(e));

    /// <summary>Sets <c>&lt;lease expiry unit/&gt;</c>; <paramref name="expiry"/> <see langword="null"/> removes it.</summary>
    /// <param name="expiry">The lease time; 0 means infinite.</param>
    /// <param name="unit"><c>seconds</c>, <c>minutes</c> or <c>hours</c>; <see langword="null"/> leaves libvirt's default (minutes).</param>
    public void SetLease(ulong? expiry, string? unit = null) => NetworkDhcpLease.Set(Element, expiry, unit);
}
