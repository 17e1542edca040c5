namespace LibvirtNested.Xml.Domain;

/// <summary><c>/domain/devices/disk/@device</c>: how the disk is presented to the guest. Unknown values round-trip unchanged.</summary>
/// <param name="Value">The attribute value as libvirt writes it.</param>
public readonly record struct DomainDiskDevice(string Value)
{
    /// <summary><c>disk</c>.</summary>
    public static DomainDiskDevice Disk { get; } = new("disk");

    /// <summary><c>cdrom</c>.</summary>
    public static DomainDiskDevice Cdrom { get; } = new("cdrom");

    /// <summary><c>floppy</c>.</summary>
    public static DomainDiskDevice Floppy { get; } = new("floppy");

    /// <summary><c>lun</c>.</summary>
    public static DomainDiskDevice Lun { get; } = new("lun");

    /// <summary>The attribute value.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}
