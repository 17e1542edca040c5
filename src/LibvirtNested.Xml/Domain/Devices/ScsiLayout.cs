using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Domain;

/// <summary>
/// Which SCSI controller indexes and drive addresses a domain uses, so that a new virtio-scsi controller or a
/// new SCSI disk does not collide with what libvirt already has or will assign. Read once per edit.
/// </summary>
internal sealed class ScsiLayout
{
    private static readonly XName ControllerElementName = "controller";
    private static readonly XName DiskName = "disk";
    private static readonly XName HostdevName = "hostdev";
    private static readonly XName AddressName = "address";
    private static readonly XName TargetName = "target";
    private static readonly XName TypeName = "type";
    private static readonly XName ModelName = "model";
    private static readonly XName IndexName = "index";
    private static readonly XName ControllerName = "controller";
    private static readonly XName BusName = "bus";
    private static readonly XName UnitName = "unit";
    private static readonly XName DevName = "dev";

    private readonly HashSet<int> controllerIndexes = [];
    private readonly HashSet<(int Controller, int Unit)> units = [];

    private ScsiLayout()
    {
    }

    /// <summary>The first <c>&lt;controller type='scsi' model='virtio-scsi'&gt;</c> and its (effective) index, or <see langword="null"/>.</summary>
    public (XElement Controller, int Index)? VirtioScsi { get; private set; }

    public static ScsiLayout Read(DomainXml domain)
    {
        // Walks the elements themselves, not typed views of every device: this runs in every SCSI edit, over every
        // device of the domain, and reads only a few attributes (with the typed views' number parsing and errors).
        var layout = new ScsiLayout();
        var devices = domain.Devices.Element;
        if (devices is null)
        {
            return layout;
        }

        // libvirt numbers index-less controllers itself with the lowest index free among their type.
        for (var e = FirstElement(devices); e is not null; e = NextElement(e))
        {
            if (IsScsiController(e))
            {
                if (XmlValues.ParseInt32(e, IndexName) is { } index)
                {
                    layout.controllerIndexes.Add(index);
                }
            }
        }

        XElement? virtioScsi = null;
        var virtioScsiIndex = 0;
        for (var e = FirstElement(devices); e is not null; e = NextElement(e))
        {
            if (IsScsiController(e))
            {
                var index = XmlValues.ParseInt32(e, IndexName) ?? layout.NextFreeControllerIndex();
                layout.controllerIndexes.Add(index);
                if (virtioScsi is null && e.Attribute(ModelName)?.Value == "virtio-scsi")
                {
                    virtioScsi = e;
                    virtioScsiIndex = index;
                }
            }
        }

        if (virtioScsi is not null)
        {
            layout.VirtioScsi = (virtioScsi, virtioScsiIndex);
        }

        for (var e = FirstElement(devices); e is not null; e = NextElement(e))
        {
            var isDisk = e.Name == DiskName;
            var target = isDisk ? e.Element(TargetName) : null;
            if (!(isDisk ? IsDiskOnScsiBus(target) : e.Name == HostdevName && e.Attribute(TypeName)?.Value == "scsi"))
            {
                continue;
            }

            if (e.Element(AddressName) is { } address && address.Attribute(TypeName)?.Value == "drive")
            {
                var controller = XmlValues.ParseInt32(address, ControllerName) ?? 0;
                layout.controllerIndexes.Add(controller);
                if ((XmlValues.ParseInt32(address, BusName) ?? 0) == 0 && (XmlValues.ParseInt32(address, TargetName) ?? 0) == 0)
                {
                    layout.units.Add((controller, XmlValues.ParseInt32(address, UnitName) ?? 0));
                }
            }
            else if (target?.Attribute(DevName)?.Value is { } dev && DomainDiskTargetName.ToIndex(dev, "sd") is { } diskIndex)
            {
                // The qemu driver's default for an address-less SCSI disk: a wide bus of 15 units per
                // controller (unit 7 is the controller itself), taken from the target name's index.
                var controller = diskIndex / 15;
                var unit = diskIndex % 15;
                layout.controllerIndexes.Add(controller);
                layout.units.Add((controller, unit >= 7 ? unit + 1 : unit));
            }
        }

        return layout;
    }

    public int NextFreeControllerIndex()
    {
        var index = 0;
        while (controllerIndexes.Contains(index))
        {
            index++;
        }

        return index;
    }

    public int? FirstFreeUnit(int controller)
    {
        for (var unit = 0; unit <= DomainXml.MaxVirtioScsiUnit; unit++)
        {
            if (!units.Contains((controller, unit)))
            {
                return unit;
            }
        }

        return null;
    }

    private static bool IsScsiController(XElement element) =>
        element.Name == ControllerElementName && element.Attribute(TypeName)?.Value == "scsi";

    /// <summary>Whether a disk with this <c>&lt;target&gt;</c> is on the SCSI bus: its <c>bus</c>, else the bus libvirt derives from its name.</summary>
    private static bool IsDiskOnScsiBus(XElement? target) =>
        (target?.Attribute(BusName)?.Value ?? (target?.Attribute(DevName)?.Value is { } dev ? DomainDiskTargetName.DefaultBusOf(dev) : null)) == "scsi";

    /// <summary>The typed view of the controller <paramref name="element"/>: the one <see cref="DomainDeviceList.Controllers"/> hands out.</summary>
    public static DomainController ViewOf(IReadOnlyList<DomainController> controllers, XElement element)
    {
        for (var i = 0; i < controllers.Count; i++)
        {
            if (controllers[i].Element == element)
            {
                return controllers[i];
            }
        }

        return new DomainController(element);
    }

    private static XElement? FirstElement(XElement parent)
    {
        for (var node = parent.FirstNode; node is not null; node = node.NextNode)
        {
            if (node is XElement element)
            {
                return element;
            }
        }

        return null;
    }

    private static XElement? NextElement(XElement element)
    {
        for (var node = element.NextNode; node is not null; node = node.NextNode)
        {
            if (node is XElement next)
            {
                return next;
            }
        }

        return null;
    }
}
