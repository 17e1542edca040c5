namespace LibvirtNested.Xml.Domain;

/// <summary><c>address/@type</c> of a device: the bus the address is on. Unknown values round-trip unchanged.</summary>
/// <param name="Value">The attribute value as libvirt writes it.</param>
public readonly record struct DomainAddressType(string Value)
{
    /// <summary><c>pci</c>.</summary>
    public static DomainAddressType Pci { get; } = new("pci");

    /// <summary><c>drive</c>: controller, bus, target and unit of a disk controller.</summary>
    public static DomainAddressType Drive { get; } = new("drive");

    /// <summary><c>virtio-serial</c>.</summary>
    public static DomainAddressType VirtioSerial { get; } = new("virtio-serial");

    /// <summary><c>ccid</c>: a smartcard slot.</summary>
    public static DomainAddressType Ccid { get; } = new("ccid");

    /// <summary><c>usb</c>.</summary>
    public static DomainAddressType Usb { get; } = new("usb");

    /// <summary><c>spapr-vio</c>.</summary>
    public static DomainAddressType SpaprVio { get; } = new("spapr-vio");

    /// <summary><c>ccw</c>: s390 channel I/O.</summary>
    public static DomainAddressType Ccw { get; } = new("ccw");

    /// <summary><c>virtio-mmio</c>.</summary>
    public static DomainAddressType VirtioMmio { get; } = new("virtio-mmio");

    /// <summary><c>isa</c>.</summary>
    public static DomainAddressType Isa { get; } = new("isa");

    /// <summary><c>dimm</c>: a memory module slot.</summary>
    public static DomainAddressType Dimm { get; } = new("dimm");

    /// <summary><c>unassigned</c>: a hostdev with no guest address.</summary>
    public static DomainAddressType Unassigned { get; } = new("unassigned");

    /// <summary>The attribute value.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}
