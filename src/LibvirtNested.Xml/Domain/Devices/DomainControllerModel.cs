namespace LibvirtNested.Xml.Domain;

/// <summary><c>/domain/devices/controller/@model</c>: the emulated controller, such as <c>virtio-scsi</c> for SCSI or <c>pcie-root</c> for PCI. Unknown values round-trip unchanged.</summary>
/// <param name="Value">The attribute value as libvirt writes it.</param>
public readonly record struct DomainControllerModel(string Value)
{
    /// <summary><c>virtio-scsi</c>.</summary>
    public static DomainControllerModel VirtioScsi { get; } = new("virtio-scsi");

    /// <summary><c>lsilogic</c>.</summary>
    public static DomainControllerModel Lsilogic { get; } = new("lsilogic");

    /// <summary><c>lsisas1068</c>.</summary>
    public static DomainControllerModel Lsisas1068 { get; } = new("lsisas1068");

    /// <summary><c>lsisas1078</c>.</summary>
    public static DomainControllerModel Lsisas1078 { get; } = new("lsisas1078");

    /// <summary><c>ibmvscsi</c>.</summary>
    public static DomainControllerModel IbmVscsi { get; } = new("ibmvscsi");

    /// <summary><c>vmpvscsi</c>.</summary>
    public static DomainControllerModel VmPvscsi { get; } = new("vmpvscsi");

    /// <summary><c>pci-root</c>.</summary>
    public static DomainControllerModel PciRoot { get; } = new("pci-root");

    /// <summary><c>pcie-root</c>.</summary>
    public static DomainControllerModel PcieRoot { get; } = new("pcie-root");

    /// <summary><c>pcie-root-port</c>.</summary>
    public static DomainControllerModel PcieRootPort { get; } = new("pcie-root-port");

    /// <summary><c>pci-bridge</c>.</summary>
    public static DomainControllerModel PciBridge { get; } = new("pci-bridge");

    /// <summary><c>qemu-xhci</c>.</summary>
    public static DomainControllerModel QemuXhci { get; } = new("qemu-xhci");

    /// <summary>The attribute value.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}
