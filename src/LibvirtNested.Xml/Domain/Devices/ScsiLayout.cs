namespace LibvirtNested.Xml.Domain;

/// <summary>
/// Which SCSI controller indexes and drive addresses a domain uses, so that a new virtio-scsi controller or a
/// new SCSI disk does not collide with what libvirt already has or will assign. Read once per edit.
/// </summary>
internal sealed class ScsiLayout
{
    private readonly HashSet<int> controllerIndexes = [];
    private readonly HashSet<(int Controller, int Unit)> units = [];

    private ScsiLayout()
    {
    }

    /// <summary>The first <c>&lt;controller type='scsi' model='virtio-scsi'&gt;</c> and its (effective) index, or <see langword="null"/>.</summary>
    public (DomainController Controller, int Index)? VirtioScsi { get; private set; }

    public static ScsiLayout Read(DomainXml domain)
    {
        var layout = new ScsiLayout();
        var devices = domain.Devices.ToList();

        // libvirt numbers index-less controllers itself with the lowest index free among their type.
        var controllers = devices.OfType<DomainController>().Where(c => c.Type?.Value == "scsi").ToList();
        foreach (var c in controllers)
        {
            if (c.Index is { } index)
            {
                layout.controllerIndexes.Add(index);
            }
        }

        foreach (var c in controllers)
        {
            var index = c.Index ?? layout.NextFreeControllerIndex();
            layout.controllerIndexes.Add(index);
            if (layout.VirtioScsi is null && c.Model?.Value == "virtio-scsi")
            {
                layout.VirtioScsi = (c, index);
            }
        }

        foreach (var device in devices)
        {
            if (!IsOnScsiBus(device))
            {
                continue;
            }

            if (device.Address is { Type.Value: "drive" } address)
            {
                var controller = address.Controller ?? 0;
                layout.controllerIndexes.Add(controller);
                if ((address.Bus ?? 0) == 0 && (address.Target ?? 0) == 0)
                {
                    layout.units.Add((controller, address.Unit ?? 0));
                }
            }
            else if (device is DomainDisk { Target.Dev: { } dev } && DomainDiskTargetName.ToIndex(dev, "sd") is { } diskIndex)
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

    private static bool IsOnScsiBus(DomainDevice device) => device switch
    {
        DomainDisk disk => (disk.Target?.Element.Attribute("bus")?.Value ?? (disk.Target?.Dev is { } dev ? DomainDiskTargetName.DefaultBusOf(dev) : null)) == "scsi",
        DomainHostdev hostdev => hostdev.Type == DomainHostdevType.Scsi,
        _ => false,
    };
}
