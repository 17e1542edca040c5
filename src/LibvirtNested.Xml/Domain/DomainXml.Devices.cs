using System.Globalization;
using System.Numerics;
using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Domain;

/// <content>The devices of the domain and the edits that add them.</content>
public sealed partial class DomainXml
{
    /// <summary>The largest unit (LUN) of a virtio-scsi drive address: virtio-scsi addresses LUNs 0 to 16383.</summary>
    public const int MaxVirtioScsiUnit = 16383;

    /// <summary>How errors name <see cref="LunDiskOptions.TargetDev"/>, the parameter inside <c>options</c>.</summary>
    private const string LunTargetDevParameter = "options.TargetDev";

    private static readonly XName DiskElementName = "disk";
    private static readonly XName SourceElementName = "source";
    private static readonly XName TargetElementName = "target";
    private static readonly XName SourceDevName = "dev";
    private static readonly XName SourceFileName = "file";
    private static readonly XName DevAttributeName = "dev";
    private static readonly XName DeviceAttributeName = "device";

    /// <summary><c>/domain/devices</c>: every device as one ordered list of typed views.</summary>
    public DomainDeviceList Devices => cachedDevices ??= new(Element);

    /// <summary>
    /// Returns the first <c>&lt;controller type='scsi' model='virtio-scsi'&gt;</c>, or adds one with the lowest
    /// SCSI controller index that no controller and no SCSI drive address uses:
    /// <code>&lt;controller type='scsi' index='0' model='virtio-scsi'/&gt;</code>
    /// Idempotent: a second call returns the same controller.
    /// </summary>
    /// <returns>The virtio-scsi controller.</returns>
    /// <exception cref="LibvirtXmlValueException">An existing SCSI controller index or drive address in the document is not a number. The document is unchanged.</exception>
    public DomainController EnsureVirtioScsiController()
    {
        var scsi = ScsiLayout.Read(this);
        return scsi.VirtioScsi is { } existing
            ? ScsiLayout.ViewOf(Devices.Controllers, existing.Controller)
            : Devices.Add(new DomainController(NewVirtioScsiController(scsi.NextFreeControllerIndex())));
    }

    /// <summary>
    /// Passes a host block device through to the guest as a SCSI LUN on the virtio-scsi controller (which is
    /// added when missing, see <see cref="EnsureVirtioScsiController"/>):
    /// <code>
    /// &lt;disk type='block' device='lun'&gt;
    ///   &lt;driver name='qemu' type='raw' cache='none'/&gt;
    ///   &lt;source dev='/dev/sdb'/&gt;
    ///   &lt;target dev='sda' bus='scsi'/&gt;
    ///   &lt;address type='drive' controller='0' bus='0' target='0' unit='0'/&gt;
    /// &lt;/disk&gt;
    /// </code>
    /// The target is the first <c>sdX</c> name no disk uses (<c>sdz</c> is followed by <c>sdaa</c>); the unit
    /// is the lowest one no SCSI disk or SCSI hostdev uses on bus 0, target 0 of that controller (disks without
    /// an address count with the address libvirt will give them). Options add <c>sgio</c>, <c>rawio</c>,
    /// <c>&lt;shareable/&gt;</c> and <c>&lt;readonly/&gt;</c>.
    /// Idempotent: when a disk with this <c>source/@dev</c> already exists, that disk is returned and nothing is
    /// added (nor changed).
    /// </summary>
    /// <param name="devicePath">The absolute path of the host block device, such as <c>/dev/sdb</c> or <c>/dev/disk/by-id/wwn-0x5000c500a1b2c3d4</c>.</param>
    /// <param name="options">Options, including the host-side <see cref="LunDiskOptions.VerifyDevice"/> check, which runs right after the path is checked and before the document is looked at; what it throws reaches the caller unchanged, with the document untouched.</param>
    /// <returns>The new (or existing) disk.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="devicePath"/> is <see langword="null"/>.</exception>
    /// <exception cref="LibvirtXmlValueException">The path is not a libvirt <c>absFilePath</c> (empty, relative, <c>/</c>, or with control characters), or the requested target name is not a <c>diskTargetDev</c>. The document is unchanged.</exception>
    /// <exception cref="ArgumentException">The requested target name is taken. The document is unchanged.</exception>
    /// <exception cref="InvalidOperationException">All units 0–16383 of the controller's bus 0, target 0 are taken. The document is unchanged.</exception>
    /// <exception cref="LibvirtXmlValueException">An existing SCSI controller index or drive address in the document is not a number. The document is unchanged.</exception>
    public DomainDisk AddLunDisk(string devicePath, LunDiskOptions? options = null)
    {
        LibvirtDatatypes.AbsFilePath(devicePath, nameof(devicePath));
        options ??= new LunDiskOptions();
        if (options.TargetDev is not null)
        {
            LibvirtDatatypes.DiskTargetDev(options.TargetDev, LunTargetDevParameter);
        }

        options.VerifyDevice?.Invoke(devicePath);
        if (FindDisk(devicePath, SourceDevName, device: null) is { } existing)
        {
            return existing;
        }

        if (options.TargetDev is not null)
        {
            RequireFreeTargetDev(options.TargetDev, LunTargetDevParameter);
        }

        var target = options.TargetDev ?? FirstFreeTargetDev("sd");
        var disk = new XElement(
            "disk",
            new XAttribute("type", "block"),
            new XAttribute("device", "lun"),
            options.Sgio is { } sgio ? new XAttribute("sgio", sgio.Value) : null,
            options.Rawio is { } rawio ? new XAttribute("rawio", rawio ? "yes" : "no") : null,
            new XElement("driver", new XAttribute("name", "qemu"), new XAttribute("type", "raw"), new XAttribute("cache", "none")),
            new XElement("source", new XAttribute("dev", devicePath)),
            new XElement("target", new XAttribute("dev", target), new XAttribute("bus", "scsi")),
            options.ReadOnly ? new XElement("readonly") : null,
            options.Shareable ? new XElement("shareable") : null);
        return AddOnVirtioScsi(disk);
    }

    /// <summary>
    /// Adds a host block device as an ordinary guest disk:
    /// <code>
    /// &lt;disk type='block' device='disk'&gt;
    ///   &lt;driver name='qemu' type='raw' cache='none'/&gt;
    ///   &lt;source dev='/dev/sda2'/&gt;
    ///   &lt;target dev='vda' bus='virtio'/&gt;
    /// &lt;/disk&gt;
    /// </code>
    /// The target is the first free name for the bus (<c>vd*</c> virtio, <c>sd*</c> scsi/sata/usb, <c>hd*</c> ide).
    /// On the <c>scsi</c> bus the disk goes on the virtio-scsi controller with a drive address, as in
    /// <see cref="AddLunDisk"/>. Idempotent: an existing disk with this <c>source/@dev</c> is returned unchanged.
    /// </summary>
    /// <param name="devicePath">Absolute path of the host block device (libvirt's <c>absFilePath</c>).</param>
    /// <param name="bus">The guest bus: <see cref="DomainDiskBus.Virtio"/> when <see langword="null"/>, or <c>scsi</c>, <c>sata</c>, <c>usb</c>, <c>ide</c>.</param>
    /// <param name="targetDev">The target name (libvirt's <c>diskTargetDev</c>) to use instead of the first free one.</param>
    /// <returns>The new (or existing) disk.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="devicePath"/> is <see langword="null"/>.</exception>
    /// <exception cref="LibvirtXmlValueException">The path is not an <c>absFilePath</c> (empty, relative, <c>/</c>, or with control characters), the bus has no target-name prefix, or the target name is malformed. The document is unchanged.</exception>
    /// <exception cref="ArgumentException">The target name is taken. The document is unchanged.</exception>
    /// <exception cref="InvalidOperationException">On the scsi bus, the controller has no free unit. The document is unchanged.</exception>
    /// <exception cref="LibvirtXmlValueException">An existing SCSI controller index or drive address in the document is not a number. The document is unchanged.</exception>
    public DomainDisk AddBlockDisk(string devicePath, DomainDiskBus? bus = null, string? targetDev = null)
    {
        LibvirtDatatypes.AbsFilePath(devicePath, nameof(devicePath));
        var busName = CheckDiskBus(bus ?? DomainDiskBus.Virtio, targetDev);
        if (FindDisk(devicePath, SourceDevName, device: null) is { } existing)
        {
            return existing;
        }

        var target = ChooseTarget(busName, targetDev);

        var disk = new XElement(
            "disk",
            new XAttribute("type", "block"),
            new XAttribute("device", "disk"),
            new XElement("driver", new XAttribute("name", "qemu"), new XAttribute("type", "raw"), new XAttribute("cache", "none")),
            new XElement("source", new XAttribute("dev", devicePath)),
            new XElement("target", new XAttribute("dev", target), new XAttribute("bus", busName)));
        return busName == "scsi" ? AddOnVirtioScsi(disk) : Devices.Add(new DomainDisk(disk));
    }

    /// <summary>
    /// Adds a disk image file:
    /// <code>
    /// &lt;disk type='file' device='disk'&gt;
    ///   &lt;driver name='qemu' type='qcow2'/&gt;
    ///   &lt;source file='/var/lib/libvirt/images/guest.qcow2'/&gt;
    ///   &lt;target dev='vda' bus='virtio'/&gt;
    /// &lt;/disk&gt;
    /// </code>
    /// Target naming and the scsi bus work as in <see cref="AddBlockDisk"/>. Idempotent: an existing disk with
    /// this <c>source/@file</c> is returned unchanged.
    /// </summary>
    /// <param name="path">Absolute path of the image file (libvirt's <c>absFilePath</c>).</param>
    /// <param name="format">The image format (<c>driver/@type</c>, libvirt's <c>storageFormat</c>): <c>qcow2</c>, <c>raw</c>, <c>vmdk</c>, ….</param>
    /// <param name="bus">The guest bus: <see cref="DomainDiskBus.Virtio"/> when <see langword="null"/>, or <c>scsi</c>, <c>sata</c>, <c>usb</c>, <c>ide</c>.</param>
    /// <param name="targetDev">The target name (libvirt's <c>diskTargetDev</c>) to use instead of the first free one.</param>
    /// <returns>The new (or existing) disk.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="format"/> is <see langword="null"/>.</exception>
    /// <exception cref="LibvirtXmlValueException">The path is not an <c>absFilePath</c>, the format not a <c>storageFormat</c>, the bus has no target-name prefix, or the target name is malformed. The document is unchanged.</exception>
    /// <exception cref="ArgumentException">The target name is taken. The document is unchanged.</exception>
    /// <exception cref="InvalidOperationException">On the scsi bus, the controller has no free unit. The document is unchanged.</exception>
    /// <exception cref="LibvirtXmlValueException">An existing SCSI controller index or drive address in the document is not a number. The document is unchanged.</exception>
    public DomainDisk AddFileDisk(string path, string format = "qcow2", DomainDiskBus? bus = null, string? targetDev = null)
    {
        LibvirtDatatypes.AbsFilePath(path, nameof(path));
        LibvirtDatatypes.StorageFormat(format, nameof(format));
        var busName = CheckDiskBus(bus ?? DomainDiskBus.Virtio, targetDev);
        if (FindDisk(path, SourceFileName, device: "disk") is { } existing)
        {
            return existing;
        }

        var target = ChooseTarget(busName, targetDev);

        var disk = new XElement(
            "disk",
            new XAttribute("type", "file"),
            new XAttribute("device", "disk"),
            new XElement("driver", new XAttribute("name", "qemu"), new XAttribute("type", format)),
            new XElement("source", new XAttribute("file", path)),
            new XElement("target", new XAttribute("dev", target), new XAttribute("bus", busName)));
        return busName == "scsi" ? AddOnVirtioScsi(disk) : Devices.Add(new DomainDisk(disk));
    }

    /// <summary>
    /// Adds a read-only CD-ROM drive holding an ISO image (SATA by default: q35 machines have no IDE):
    /// <code>
    /// &lt;disk type='file' device='cdrom'&gt;
    ///   &lt;driver name='qemu' type='raw'/&gt;
    ///   &lt;source file='/var/lib/libvirt/images/debian.iso'/&gt;
    ///   &lt;target dev='sda' bus='sata'/&gt;
    ///   &lt;readonly/&gt;
    /// &lt;/disk&gt;
    /// </code>
    /// Idempotent: an existing CD-ROM with this <c>source/@file</c> is returned unchanged.
    /// </summary>
    /// <param name="isoPath">Absolute path of the ISO image (libvirt's <c>absFilePath</c>).</param>
    /// <param name="bus">The guest bus: <see cref="DomainDiskBus.Sata"/> when <see langword="null"/>, or <c>scsi</c>, <c>ide</c>, <c>usb</c>.</param>
    /// <param name="targetDev">The target name (libvirt's <c>diskTargetDev</c>) to use instead of the first free one.</param>
    /// <returns>The new (or existing) CD-ROM disk.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="isoPath"/> is <see langword="null"/>.</exception>
    /// <exception cref="LibvirtXmlValueException">The path is not an <c>absFilePath</c>, the bus has no target-name prefix, or the target name is malformed. The document is unchanged.</exception>
    /// <exception cref="ArgumentException">The target name is taken. The document is unchanged.</exception>
    /// <exception cref="InvalidOperationException">On the scsi bus, the controller has no free unit. The document is unchanged.</exception>
    /// <exception cref="LibvirtXmlValueException">An existing SCSI controller index or drive address in the document is not a number. The document is unchanged.</exception>
    public DomainDisk AddCdrom(string isoPath, DomainDiskBus? bus = null, string? targetDev = null)
    {
        LibvirtDatatypes.AbsFilePath(isoPath, nameof(isoPath));
        var busName = CheckDiskBus(bus ?? DomainDiskBus.Sata, targetDev);
        if (FindDisk(isoPath, SourceFileName, device: "cdrom") is { } existing)
        {
            return existing;
        }

        var target = ChooseTarget(busName, targetDev);

        var disk = new XElement(
            "disk",
            new XAttribute("type", "file"),
            new XAttribute("device", "cdrom"),
            new XElement("driver", new XAttribute("name", "qemu"), new XAttribute("type", "raw")),
            new XElement("source", new XAttribute("file", isoPath)),
            new XElement("target", new XAttribute("dev", target), new XAttribute("bus", busName)),
            new XElement("readonly"));
        return busName == "scsi" ? AddOnVirtioScsi(disk) : Devices.Add(new DomainDisk(disk));
    }

    /// <summary>
    /// Adds a NIC on a libvirt virtual network (what <c>virt-install -w network=NAME</c> writes):
    /// <code>
    /// &lt;interface type='network'&gt;
    ///   &lt;mac address='52:54:00:12:34:56'/&gt;
    ///   &lt;source network='nested-bridge'/&gt;
    ///   &lt;model type='virtio'/&gt;
    /// &lt;/interface&gt;
    /// </code>
    /// <c>&lt;mac&gt;</c> is written only when <paramref name="macAddress"/> is given; otherwise libvirt generates one.
    /// Not idempotent: every call adds a NIC (a guest may have several on one network).
    /// </summary>
    /// <param name="networkName">The libvirt network's name (not empty, no '/', no control characters).</param>
    /// <param name="model">The emulated NIC model (<c>model/@type</c>, letters, digits, '-' and '_').</param>
    /// <param name="macAddress">A unicast MAC address (libvirt's <c>uniMacAddr</c>) such as <c>52:54:00:12:34:56</c>, or <see langword="null"/>.</param>
    /// <returns>The new interface.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="networkName"/> or <paramref name="model"/> is <see langword="null"/>.</exception>
    /// <exception cref="LibvirtXmlValueException">A name or the model is empty or malformed, or the MAC address is not a unicast <c>uniMacAddr</c>. The document is unchanged.</exception>
    /// <exception cref="ArgumentException">The MAC address is used by another interface. The document is unchanged.</exception>
    public DomainInterface AddNetworkInterface(string networkName, string model = "virtio", string? macAddress = null)
    {
        LibvirtDatatypes.NetworkName(networkName, nameof(networkName));
        LibvirtDatatypes.InterfaceModel(model, nameof(model));
        if (macAddress is not null)
        {
            LibvirtDatatypes.UniMacAddr(macAddress, nameof(macAddress));
            if (Devices.Interfaces.Any(i => string.Equals(i.Mac, macAddress, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException($"The MAC address '{macAddress}' is already used by another interface of this domain.", nameof(macAddress));
            }
        }

        var nic = new XElement(
            "interface",
            new XAttribute("type", "network"),
            macAddress is null ? null : new XElement("mac", new XAttribute("address", macAddress)),
            new XElement("source", new XAttribute("network", networkName)),
            new XElement("model", new XAttribute("type", model)));
        return Devices.Add(new DomainInterface(nic));
    }

    private static XElement NewVirtioScsiController(int index) => new(
        "controller",
        new XAttribute("type", "scsi"),
        new XAttribute("index", index.ToString(CultureInfo.InvariantCulture)),
        new XAttribute("model", "virtio-scsi"));

    /// <summary>
    /// The first disk whose <c>source</c> has <paramref name="path"/> in <paramref name="sourceAttribute"/> and whose
    /// <c>@device</c> is <paramref name="device"/> (absent counting as <c>disk</c>; <see langword="null"/>: any).
    /// Walks the elements: the edits run this over every disk, and a typed view per disk is not needed for that.
    /// </summary>
    private DomainDisk? FindDisk(string path, XName sourceAttribute, string? device)
    {
        for (var node = Devices.Element?.FirstNode; node is not null; node = node.NextNode)
        {
            if (node is XElement { } disk && disk.Name == DiskElementName
                && disk.Element(SourceElementName)?.Attribute(sourceAttribute)?.Value == path
                && (device is null || (disk.Attribute(DeviceAttributeName)?.Value ?? "disk") == device))
            {
                foreach (var view in Devices.Disks)
                {
                    if (view.Element == disk)
                    {
                        return view;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The <c>target/@dev</c> names of the disks, in document order.</summary>
    private IEnumerable<string> TargetDevs()
    {
        for (var node = Devices.Element?.FirstNode; node is not null; node = node.NextNode)
        {
            if (node is XElement { } disk && disk.Name == DiskElementName && disk.Element(TargetElementName)?.Attribute(DevAttributeName)?.Value is { } dev)
            {
                yield return dev;
            }
        }
    }

    /// <summary>The first <c>prefix</c>-named target (<c>sda</c>, <c>sdb</c>, …) no disk uses, from one walk over the disks.</summary>
    private string FirstFreeTargetDev(string prefix)
    {
        // Indexes 0-63 in a bit mask, the rare higher ones in a set.
        var low = 0UL;
        HashSet<int>? high = null;
        for (var node = Devices.Element?.FirstNode; node is not null; node = node.NextNode)
        {
            if (node is XElement { } disk && disk.Name == DiskElementName
                && disk.Element(TargetElementName)?.Attribute(DevAttributeName)?.Value is { } dev
                && DomainDiskTargetName.ToIndex(dev, prefix) is { } index and >= 0)
            {
                if (index < 64)
                {
                    low |= 1UL << index;
                }
                else
                {
                    (high ??= []).Add(index);
                }
            }
        }

        var free = BitOperations.TrailingZeroCount(~low);
        while (high is not null && high.Contains(free))
        {
            free++;
        }

        return DomainDiskTargetName.FromIndex(free, prefix);
    }

    /// <summary>Checks the bus and a requested target name as values, before the document is looked at; returns the bus name.</summary>
    private static string CheckDiskBus(DomainDiskBus bus, string? targetDev)
    {
        var name = LibvirtDatatypes.DiskBus(bus.Value ?? string.Empty, nameof(bus));
        if (targetDev is not null)
        {
            LibvirtDatatypes.DiskTargetDev(targetDev, nameof(targetDev));
        }

        return name;
    }

    private void RequireFreeTargetDev(string targetDev, string parameterName)
    {
        if (TargetDevs().Contains(targetDev, StringComparer.Ordinal))
        {
            throw new ArgumentException($"The target name '{targetDev}' is already used by another disk of this domain.", parameterName);
        }
    }

    private string ChooseTarget(string bus, string? targetDev)
    {
        ArgumentNullException.ThrowIfNull(bus);
        var prefix = DomainDiskTargetName.PrefixFor(bus);
        if (targetDev is null)
        {
            return FirstFreeTargetDev(prefix);
        }

        RequireFreeTargetDev(targetDev, nameof(targetDev));
        return targetDev;
    }

    /// <summary>Puts a new SCSI disk on the virtio-scsi controller (adding it when missing) at a free unit; checks everything before changing the document.</summary>
    private DomainDisk AddOnVirtioScsi(XElement disk)
    {
        var scsi = ScsiLayout.Read(this);
        var controller = scsi.VirtioScsi;
        var index = controller?.Index ?? scsi.NextFreeControllerIndex();
        var unit = scsi.FirstFreeUnit(index)
            ?? throw new InvalidOperationException($"Every unit 0-{MaxVirtioScsiUnit} of bus 0, target 0 on the virtio-scsi controller {index.ToString(CultureInfo.InvariantCulture)} is taken.");
        disk.Add(new XElement(
            "address",
            new XAttribute("type", "drive"),
            new XAttribute("controller", index.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("bus", "0"),
            new XAttribute("target", "0"),
            new XAttribute("unit", unit.ToString(CultureInfo.InvariantCulture))));
        if (controller is null)
        {
            Devices.Add(new DomainController(NewVirtioScsiController(index)));
        }

        return Devices.Add(new DomainDisk(disk));
    }
}
