namespace LibvirtNested.Xml.Domain;

/// <summary><c>/domain/devices/disk/target/@bus</c>: the bus the guest sees the disk on. Unknown values round-trip unchanged.</summary>
/// <param name="Value">The attribute value as libvirt writes it.</param>
public readonly record struct DomainDiskBus(string Value)
{
    /// <summary><c>virtio</c>.</summary>
    public static DomainDiskBus Virtio { get; } = new("virtio");

    /// <summary><c>scsi</c>.</summary>
    public static DomainDiskBus Scsi { get; } = new("scsi");

    /// <summary><c>sata</c>.</summary>
    public static DomainDiskBus Sata { get; } = new("sata");

    /// <summary><c>ide</c>.</summary>
    public static DomainDiskBus Ide { get; } = new("ide");

    /// <summary><c>usb</c>.</summary>
    public static DomainDiskBus Usb { get; } = new("usb");

    /// <summary><c>fdc</c>.</summary>
    public static DomainDiskBus Fdc { get; } = new("fdc");

    /// <summary><c>xen</c>.</summary>
    public static DomainDiskBus Xen { get; } = new("xen");

    /// <summary><c>sd</c>.</summary>
    public static DomainDiskBus Sd { get; } = new("sd");

    /// <summary>The attribute value.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}
