using System.Net;

namespace LibvirtNested;

/// <summary>One DHCP lease of a libvirt network (<c>virNetworkDHCPLease</c>, a line of <c>virsh net-dhcp-leases</c>).</summary>
/// <param name="Interface">The network's bridge, e.g. <c>virbr1</c> (<c>iface</c>).</param>
/// <param name="MacAddress">The client's MAC address (<c>mac</c>).</param>
/// <param name="IPAddress">The leased address (<c>ipaddr</c>).</param>
/// <param name="Prefix">The address prefix length (<c>prefix</c>).</param>
/// <param name="HostName">The host name the client sent (<c>hostname</c>).</param>
/// <param name="ClientId">The DHCP client ID or DUID (<c>clientid</c>).</param>
/// <param name="Iaid">The DHCPv6 IAID (<c>iaid</c>).</param>
/// <param name="ExpiresAt">When the lease expires (<c>expirytime</c>); null for an infinite lease.</param>
public sealed record DhcpLease(
    string Interface,
    string? MacAddress,
    IPAddress? IPAddress,
    int Prefix,
    string? HostName,
    string? ClientId,
    string? Iaid,
    DateTimeOffset? ExpiresAt);
