namespace LibvirtNested;

/// <summary>A guest network interface and its addresses (<c>virDomainInterface</c>, a block of <c>virsh domifaddr</c>).</summary>
/// <param name="Name">The interface name (<c>name</c>): the host-side tap (e.g. <c>vnet0</c>) for lease/ARP sources, the guest's name (e.g. <c>eth0</c>) for the agent.</param>
/// <param name="MacAddress">The hardware address (<c>hwaddr</c>), when known.</param>
/// <param name="Addresses">The addresses (<c>addrs</c>).</param>
public sealed record DomainInterfaceAddresses(string Name, string? MacAddress, IReadOnlyList<DomainIPAddress> Addresses);
