namespace LibvirtNested.Xml.Domain;

/// <summary><c>/domain/devices/hostdev/@type</c>: the kind of host device. Unknown values round-trip unchanged.</summary>
/// <param name="Value">The attribute value as libvirt writes it.</param>
public readonly record struct DomainHostdevType(string Value)
{
    /// <summary><c>pci</c>.</summary>
    public static DomainHostdevType Pci { get; } = new("pci");

    /// <summary><c>usb</c>.</summary>
    public static DomainHostdevType Usb { get; } = new("usb");

    /// <summary><c>scsi</c>: a SCSI LUN on a host adapter.</summary>
    public static DomainHostdevType Scsi { get; } = new("scsi");

    /// <summary><c>scsi_host</c>: a vhost-scsi target.</summary>
    public static DomainHostdevType ScsiHost { get; } = new("scsi_host");

    /// <summary><c>mdev</c>: a mediated device.</summary>
    public static DomainHostdevType Mdev { get; } = new("mdev");

    /// <summary><c>storage</c>: capabilities mode: a block device.</summary>
    public static DomainHostdevType Storage { get; } = new("storage");

    /// <summary><c>misc</c>: capabilities mode: a character device.</summary>
    public static DomainHostdevType Misc { get; } = new("misc");

    /// <summary><c>net</c>: capabilities mode: a network interface.</summary>
    public static DomainHostdevType Net { get; } = new("net");

    /// <summary>The attribute value.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}
