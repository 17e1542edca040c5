using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Domain;

/// <summary>
/// <c>/domain/devices/hostdev</c> (formatdomain.html "Host device assignment"): a host PCI, USB, SCSI, … device
/// given to the guest. The source is summarised per type (<see cref="SourceAddress"/> for pci and scsi,
/// <see cref="UsbVendor"/>/<see cref="UsbProduct"/> for usb, <see cref="ScsiAdapter"/>); the rest is in
/// <see cref="XmlView.Element"/>.
/// </summary>
public sealed class DomainHostdev : DomainDevice
{
    // Views handed out before; see ViewCache for why a cached view never outlives its element.
    private DomainAddress? cachedSourceAddress;

    /// <summary>Creates a view over a <c>&lt;hostdev&gt;</c> element.</summary>
    /// <param name="element">The element.</param>
    /// <exception cref="ArgumentException">The element is not a <c>&lt;hostdev&gt;</c>.</exception>
    public DomainHostdev(XElement element)
        : base(element, "hostdev")
    {
    }

    /// <summary><c>@mode</c>: <c>subsystem</c> (PCI, USB, SCSI, mdev, …) or <c>capabilities</c> (LXC storage, misc, net).</summary>
    public DomainHostdevMode? Mode
    {
        get => GetAttribute("mode") is { } value ? new DomainHostdevMode(value) : null;
        set => SetAttribute("mode", value?.Value);
    }

    /// <summary><c>@type</c>: <c>pci</c>, <c>usb</c>, <c>scsi</c>, <c>scsi_host</c>, <c>mdev</c>, or for capabilities mode <c>storage</c>, <c>misc</c>, <c>net</c>.</summary>
    public DomainHostdevType? Type
    {
        get => GetAttribute("type") is { } value ? new DomainHostdevType(value) : null;
        set => SetAttribute("type", value?.Value);
    }

    /// <summary><c>@managed</c>: libvirt detaches the device from its host driver before start and reattaches it after.</summary>
    /// <exception cref="LibvirtXmlValueException">The value is not yes/no (on read).</exception>
    public bool? Managed
    {
        get => GetBooleanAttribute("managed");
        set => SetYesNoAttribute("managed", value);
    }

    /// <summary>
    /// <c>source/address</c>: the host-side address: the PCI address of a pci hostdev, the bus/target/unit of
    /// a scsi hostdev, the bus/device of a usb one; <see langword="null"/> when absent.
    /// </summary>
    public DomainAddress? SourceAddress => ViewCache.Child(ref cachedSourceAddress, GetChild("source")?.Element("address"), static e => new DomainAddress(e));

    /// <summary><c>source/vendor/@id</c> (usb): the USB vendor id, such as <c>0x1234</c>.</summary>
    public string? UsbVendor => GetChild("source")?.Element("vendor")?.Attribute("id")?.Value;

    /// <summary><c>source/product/@id</c> (usb): the USB product id.</summary>
    public string? UsbProduct => GetChild("source")?.Element("product")?.Attribute("id")?.Value;

    /// <summary><c>source/adapter/@name</c> (scsi): the host SCSI adapter, such as <c>scsi_host0</c>.</summary>
    public string? ScsiAdapter => GetChild("source")?.Element("adapter")?.Attribute("name")?.Value;

    /// <summary><c>boot/@order</c>: the device's place in the boot order; <see langword="null"/> removes <c>&lt;boot&gt;</c>.</summary>
    /// <exception cref="LibvirtXmlValueException">The order is not a number (on read).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The new order is below 1.</exception>
    public int? BootOrder
    {
        get => GetBootOrder();
        set => SetBootOrder(value);
    }
}
