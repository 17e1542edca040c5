using System.Xml.Linq;

namespace LibvirtNested.Xml.Domain;

/// <summary><c>/domain/devices/disk/target</c>: the device name and bus the guest sees.</summary>
public sealed class DomainDiskTarget : XmlView
{
    /// <summary>Creates a view over a disk's <c>&lt;target&gt;</c>.</summary>
    /// <param name="element">The element.</param>
    public DomainDiskTarget(XElement element)
        : base(element)
    {
    }

    /// <summary><c>@dev</c>: the logical device name, such as <c>vda</c>, <c>sdb</c> or <c>hdc</c> (a hint for the guest's naming; it also orders disks).</summary>
    public string? Dev
    {
        get => GetAttribute("dev");
        set => SetAttribute("dev", value);
    }

    /// <summary><c>@bus</c>: the bus (<c>virtio</c>, <c>scsi</c>, <c>sata</c>, <c>ide</c>, <c>usb</c>, …); libvirt derives it from <see cref="Dev"/> when absent.</summary>
    public DomainDiskBus? Bus
    {
        get => GetAttribute("bus") is { } v ? new DomainDiskBus(v) : null;
        set => SetAttribute("bus", value?.Value);
    }
}
