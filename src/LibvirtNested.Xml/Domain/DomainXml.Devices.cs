using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LibvirtNested.Xml.Domain;

/// <content>The devices of the domain and the edits that add them.</content>
public sealed partial class DomainXml
{
    /// <summary>The largest unit (LUN) of a virtio-scsi drive address: virtio-scsi addresses LUNs 0 to 16383.</summary>
    public const int MaxVirtioScsiUnit = 16383;

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
        return scsi.VirtioScsi?.Controller ?? Devices.Add(new DomainController(NewVirtioScsiController(scsi.NextFreeControllerIndex())));
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
    /// <exception cref="ArgumentException">The path is empty or not absolute, or the requested target name is malformed or taken. The document is unchanged.</exception>
    /// <exception cref="InvalidOperationException">All units 0–16383 of the controller's bus 0, target 0 are taken. The document is unchanged.</exception>
    /// <exception cref="LibvirtXmlValueException">An existing SCSI controller index or drive address in the document is not a number. The document is unchanged.</exception>
    public DomainDisk AddLunDisk(string devicePath, LunDiskOptions? options = null)
    {
        RequireAbsolutePath(devicePath, nameof(devicePath));
        options ??= new LunDiskOptions();
        options.VerifyDevice?.Invoke(devicePath);
        if (FindDisk(d => d.Source?.Dev == devicePath) is { } existing)
        {
            return existing;
        }

        if (options.TargetDev is not null)
        {
            RequireFreeTargetDev(options.TargetDev, nameof(options));
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
    /// <param name="devicePath">Absolute path of the host block device.</param>
    /// <param name="targetBus">The guest bus: <c>virtio</c>, <c>scsi</c>, <c>sata</c>, <c>usb</c>, <c>ide</c>.</param>
    /// <param name="targetDev">The target name to use instead of the first free one.</param>
    /// <returns>The new (or existing) disk.</returns>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The path is empty or relative, the bus unknown, or the target name malformed or taken. The document is unchanged.</exception>
    /// <exception cref="InvalidOperationException">On the scsi bus, the controller has no free unit. The document is unchanged.</exception>
    /// <exception cref="LibvirtXmlValueException">An existing SCSI controller index or drive address in the document is not a number. The document is unchanged.</exception>
    public DomainDisk AddBlockDisk(string devicePath, string targetBus = "virtio", string? targetDev = null)
    {
        RequireAbsolutePath(devicePath, nameof(devicePath));
        _ = DomainDiskTargetName.PrefixFor(targetBus ?? throw new ArgumentNullException(nameof(targetBus)));
        if (FindDisk(d => d.Source?.Dev == devicePath) is { } existing)
        {
            return existing;
        }

        var target = ChooseTarget(targetBus, targetDev);

        var disk = new XElement(
            "disk",
            new XAttribute("type", "block"),
            new XAttribute("device", "disk"),
            new XElement("driver", new XAttribute("name", "qemu"), new XAttribute("type", "raw"), new XAttribute("cache", "none")),
            new XElement("source", new XAttribute("dev", devicePath)),
            new XElement("target", new XAttribute("dev", target), new XAttribute("bus", targetBus)));
        return targetBus == "scsi" ? AddOnVirtioScsi(disk) : Devices.Add(new DomainDisk(disk));
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
    /// <param name="path">Absolute path of the image file.</param>
    /// <param name="format">The image format (<c>driver/@type</c>): <c>qcow2</c>, <c>raw</c>, ….</param>
    /// <param name="targetBus">The guest bus: <c>virtio</c>, <c>scsi</c>, <c>sata</c>, <c>usb</c>, <c>ide</c>.</param>
    /// <param name="targetDev">The target name to use instead of the first free one.</param>
    /// <returns>The new (or existing) disk.</returns>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The path is empty or relative, the format empty, the bus unknown, or the target name malformed or taken. The document is unchanged.</exception>
    /// <exception cref="InvalidOperationException">On the scsi bus, the controller has no free unit. The document is unchanged.</exception>
    /// <exception cref="LibvirtXmlValueException">An existing SCSI controller index or drive address in the document is not a number. The document is unchanged.</exception>
    public DomainDisk AddFileDisk(string path, string format = "qcow2", string targetBus = "virtio", string? targetDev = null)
    {
        RequireAbsolutePath(path, nameof(path));
        ArgumentException.ThrowIfNullOrWhiteSpace(format);
        _ = DomainDiskTargetName.PrefixFor(targetBus ?? throw new ArgumentNullException(nameof(targetBus)));
        if (FindDisk(d => d.Source?.File == path && d.Device?.Value is null or "disk") is { } existing)
        {
            return existing;
        }

        var target = ChooseTarget(targetBus, targetDev);

        var disk = new XElement(
            "disk",
            new XAttribute("type", "file"),
            new XAttribute("device", "disk"),
            new XElement("driver", new XAttribute("name", "qemu"), new XAttribute("type", format)),
            new XElement("source", new XAttribute("file", path)),
            new XElement("target", new XAttribute("dev", target), new XAttribute("bus", targetBus)));
        return targetBus == "scsi" ? AddOnVirtioScsi(disk) : Devices.Add(new DomainDisk(disk));
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
    /// <param name="isoPath">Absolute path of the ISO image.</param>
    /// <param name="bus">The guest bus: <c>sata</c>, <c>scsi</c>, <c>ide</c>, <c>usb</c>.</param>
    /// <param name="targetDev">The target name to use instead of the first free one.</param>
    /// <returns>The new (or existing) CD-ROM disk.</returns>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The path is empty or relative, the bus unknown, or the target name malformed or taken. The document is unchanged.</exception>
    /// <exception cref="InvalidOperationException">On the scsi bus, the controller has no free unit. The document is unchanged.</exception>
    /// <exception cref="LibvirtXmlValueException">An existing SCSI controller index or drive address in the document is not a number. The document is unchanged.</exception>
    public DomainDisk AddCdrom(string isoPath, string bus = "sata", string? targetDev = null)
    {
        RequireAbsolutePath(isoPath, nameof(isoPath));
        _ = DomainDiskTargetName.PrefixFor(bus ?? throw new ArgumentNullException(nameof(bus)));
        if (FindDisk(d => d.Source?.File == isoPath && d.Device?.Value == "cdrom") is { } existing)
        {
            return existing;
        }

        var target = ChooseTarget(bus, targetDev);

        var disk = new XElement(
            "disk",
            new XAttribute("type", "file"),
            new XAttribute("device", "cdrom"),
            new XElement("driver", new XAttribute("name", "qemu"), new XAttribute("type", "raw")),
            new XElement("source", new XAttribute("file", isoPath)),
            new XElement("target", new XAttribute("dev", target), new XAttribute("bus", bus)),
            new XElement("readonly"));
        return bus == "scsi" ? AddOnVirtioScsi(disk) : Devices.Add(new DomainDisk(disk));
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
    /// <c>&lt;mac&gt;</c> is written only when <paramref name="mac"/> is given; otherwise libvirt generates one.
    /// Not idempotent: every call adds a NIC (a guest may have several on one network).
    /// </summary>
    /// <param name="networkName">The libvirt network's name.</param>
    /// <param name="model">The emulated NIC model.</param>
    /// <param name="mac">A unicast MAC address such as <c>52:54:00:12:34:56</c>, or <see langword="null"/>.</param>
    /// <returns>The new interface.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="networkName"/> or <paramref name="model"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A name is empty, or the MAC address is malformed, multicast or used by another interface. The document is unchanged.</exception>
    public DomainInterface AddNetworkInterface(string networkName, string model = "virtio", string? mac = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(networkName);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        if (mac is not null)
        {
            RequireUnicastMac(mac, nameof(mac));
            if (Devices.Interfaces.Any(i => string.Equals(i.Mac, mac, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException($"The MAC address '{mac}' is already used by another interface of this domain.", nameof(mac));
            }
        }

        var nic = new XElement(
            "interface",
            new XAttribute("type", "network"),
            mac is null ? null : new XElement("mac", new XAttribute("address", mac)),
            new XElement("source", new XAttribute("network", networkName)),
            new XElement("model", new XAttribute("type", model)));
        return Devices.Add(new DomainInterface(nic));
    }

    [GeneratedRegex("^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$")]
    private static partial Regex MacAddress();

    [GeneratedRegex("^(fd|hd|sd|vd|xvd|ubd)[a-zA-Z0-9_]+$")]
    private static partial Regex TargetDevPattern();

    private static XElement NewVirtioScsiController(int index) => new(
        "controller",
        new XAttribute("type", "scsi"),
        new XAttribute("index", index.ToString(CultureInfo.InvariantCulture)),
        new XAttribute("model", "virtio-scsi"));

    /// <summary>Checks that <paramref name="mac"/> is a unicast MAC address written as libvirt writes it.</summary>
    internal static void RequireUnicastMac(string mac, string parameterName)
    {
        if (!MacAddress().IsMatch(mac))
        {
            throw new ArgumentException($"'{mac}' is not a MAC address; write six hexadecimal pairs separated by colons, such as 52:54:00:12:34:56.", parameterName);
        }

        if ((Convert.ToByte(mac[..2], 16) & 1) != 0)
        {
            throw new ArgumentException($"'{mac}' is a multicast MAC address; a NIC needs a unicast one (even first byte, such as 52:54:00:…).", parameterName);
        }
    }

    /// <summary>Checks that <paramref name="path"/> is a non-empty absolute path; the messages name the value.</summary>
    internal static void RequireAbsolutePath(string path, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(path, parameterName);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The path is empty; give an absolute path such as /dev/sdb.", parameterName);
        }

        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"'{path}' is not an absolute path; libvirt resolves nothing relative to a directory, so give the full path (such as /dev/sdb or /var/lib/libvirt/images/disk.qcow2).", parameterName);
        }
    }

    private DomainDisk? FindDisk(Func<DomainDisk, bool> match) => Devices.Disks.FirstOrDefault(match);

    private IEnumerable<string> TargetDevs() => Devices.Disks.Select(d => d.Target?.Dev).OfType<string>();

    private string FirstFreeTargetDev(string prefix) => DomainDiskTargetName.FirstFree(TargetDevs(), prefix);

    private void RequireFreeTargetDev(string targetDev, string parameterName)
    {
        if (!TargetDevPattern().IsMatch(targetDev))
        {
            throw new ArgumentException($"'{targetDev}' is not a disk target name; libvirt wants a prefix fd, hd, sd, vd, xvd or ubd followed by letters or digits, such as sdb.", parameterName);
        }

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
