namespace LibvirtNested;

/// <summary>
/// A guest network interface and its addresses (<c>virDomainInterface</c>, a block of <c>virsh domifaddr</c>);
/// init-only properties, so fields can be added.
/// </summary>
public sealed record DomainInterfaceAddresses
{
    /// <summary>The interface name (<c>name</c>): the host-side tap (e.g. <c>vnet0</c>) for lease/ARP sources, the guest's name (e.g. <c>eth0</c>) for the agent.</summary>
    public required string Name { get; init; }

    /// <summary>The hardware address (<c>hwaddr</c>), when known.</summary>
    public string? MacAddress { get; init; }

    /// <summary>The addresses (<c>addrs</c>).</summary>
    public IReadOnlyList<DomainIPAddress> Addresses { get; init; } = [];
}
