namespace LibvirtNested.Xml.Domain;

/// <summary><c>/domain/devices/hostdev/@mode</c>: how the host device is given to the guest. Unknown values round-trip unchanged.</summary>
/// <param name="Value">The attribute value as libvirt writes it.</param>
public readonly record struct DomainHostdevMode(string Value)
{
    /// <summary><c>subsystem</c>: a PCI, USB, SCSI, SCSI host or mediated device.</summary>
    public static DomainHostdevMode Subsystem { get; } = new("subsystem");

    /// <summary><c>capabilities</c>: a block or character device or a network interface of an LXC container.</summary>
    public static DomainHostdevMode Capabilities { get; } = new("capabilities");

    /// <summary>The attribute value.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}
