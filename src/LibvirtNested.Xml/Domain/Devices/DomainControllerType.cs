namespace LibvirtNested.Xml.Domain;

/// <summary><c>/domain/devices/controller/@type</c>: the kind of bus the controller provides. Unknown values round-trip unchanged.</summary>
/// <param name="Value">The attribute value as libvirt writes it.</param>
public readonly record struct DomainControllerType(string Value)
{
    /// <summary><c>scsi</c>.</summary>
    public static DomainControllerType Scsi { get; } = new("scsi");

    /// <summary><c>ide</c>.</summary>
    public static DomainControllerType Ide { get; } = new("ide");

    /// <summary><c>sata</c>.</summary>
    public static DomainControllerType Sata { get; } = new("sata");

    /// <summary><c>fdc</c>.</summary>
    public static DomainControllerType Fdc { get; } = new("fdc");

    /// <summary><c>usb</c>.</summary>
    public static DomainControllerType Usb { get; } = new("usb");

    /// <summary><c>pci</c>.</summary>
    public static DomainControllerType Pci { get; } = new("pci");

    /// <summary><c>virtio-serial</c>.</summary>
    public static DomainControllerType VirtioSerial { get; } = new("virtio-serial");

    /// <summary><c>ccid</c>.</summary>
    public static DomainControllerType Ccid { get; } = new("ccid");

    /// <summary><c>xenbus</c>.</summary>
    public static DomainControllerType Xenbus { get; } = new("xenbus");

    /// <summary><c>isa</c>.</summary>
    public static DomainControllerType Isa { get; } = new("isa");

    /// <summary>The attribute value.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}
