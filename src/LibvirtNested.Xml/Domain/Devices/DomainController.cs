using System.Xml.Linq;

namespace LibvirtNested.Xml.Domain;

/// <summary><c>/domain/devices/controller</c> (formatdomain.html "Controllers"): a SCSI, USB, PCI, SATA, virtio-serial, … controller.</summary>
public sealed class DomainController : DomainDevice
{
    /// <summary>Creates a view over a <c>&lt;controller&gt;</c> element.</summary>
    /// <param name="element">The element.</param>
    /// <exception cref="ArgumentException">The element is not a <c>&lt;controller&gt;</c>.</exception>
    public DomainController(XElement element)
        : base(element, "controller")
    {
    }

    /// <summary><c>@type</c>: the kind of bus (<c>scsi</c>, <c>usb</c>, <c>pci</c>, <c>sata</c>, <c>virtio-serial</c>, …).</summary>
    public DomainControllerType? Type
    {
        get => GetAttribute("type") is { } v ? new DomainControllerType(v) : null;
        set => SetAttribute("type", value?.Value);
    }

    /// <summary><c>@index</c>: the controller's number among those of its type, which drive addresses refer to as <c>controller</c>.</summary>
    /// <exception cref="LibvirtXmlValueException">The index is not a number (on read).</exception>
    public int? Index
    {
        get => GetInt32Attribute("index");
        set => SetNumberAttribute("index", value);
    }

    /// <summary><c>@model</c>: the emulated controller (<c>virtio-scsi</c>, <c>lsilogic</c>, <c>pcie-root-port</c>, <c>qemu-xhci</c>, …).</summary>
    public DomainControllerModel? Model
    {
        get => GetAttribute("model") is { } v ? new DomainControllerModel(v) : null;
        set => SetAttribute("model", value?.Value);
    }

    /// <summary><c>driver/@queues</c>: the number of request queues (virtio-scsi multiqueue).</summary>
    /// <exception cref="LibvirtXmlValueException">The value is not a number (on read).</exception>
    public int? Queues
    {
        get => GetChild("driver") is { } driver ? Internal.XmlValues.ParseInt32(driver, "queues") : null;
        set => SetChildAttribute("driver", "queues", value?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
