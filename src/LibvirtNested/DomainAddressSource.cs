namespace LibvirtNested;

/// <summary><c>virDomainInterfaceAddressesSource</c>: where libvirt looks for a guest's addresses.</summary>
public enum DomainAddressSource
{
    /// <summary><c>VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE</c>: the DHCP leases of libvirt's own networks.</summary>
    Lease = 0,

    /// <summary><c>VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT</c>: the QEMU guest agent inside the guest.</summary>
    Agent = 1,

    /// <summary><c>VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_ARP</c>: the host's ARP table.</summary>
    Arp = 2,
}
