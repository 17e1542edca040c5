using System.Net;

namespace LibvirtNested;

/// <summary>
/// One DHCP lease of a libvirt network (<c>virNetworkDHCPLease</c>, a line of <c>virsh net-dhcp-leases</c>). A record
/// with init-only properties and no positional constructor, so that fields libvirt adds later can be added here
/// without breaking callers.
/// </summary>
public sealed record DhcpLease
{
    /// <summary>The network's bridge, e.g. <c>virbr1</c> (<c>iface</c>).</summary>
    public required string Interface { get; init; }

    /// <summary>The client's MAC address (<c>mac</c>).</summary>
    public string? MacAddress { get; init; }

    /// <summary>The leased address (<c>ipaddr</c>).</summary>
    public IPAddress? IPAddress { get; init; }

    /// <summary>The address prefix length (<c>prefix</c>).</summary>
    public int Prefix { get; init; }

    /// <summary>The host name the client sent (<c>hostname</c>).</summary>
    public string? HostName { get; init; }

    /// <summary>The DHCP client ID or DUID (<c>clientid</c>).</summary>
    public string? ClientId { get; init; }

    /// <summary>The DHCPv6 IAID (<c>iaid</c>).</summary>
    public string? Iaid { get; init; }

    /// <summary>When the lease expires (<c>expirytime</c>); null for an infinite lease.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
