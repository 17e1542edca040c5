using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Domain;

/// <summary>
/// Builds a new guest definition, the XML <c>virt-install</c> would define. The walkthrough's
/// <c>virt-install -n nested-L2 -r 16000 --vcpus=4 -l ISO --disk path=/dev/sda2 -w network=nested_bridge</c> is
/// <code>
/// new DomainBuilder("nested-L2")
///     .WithMemory(DataSize.FromMebibytes(16000))   // virt-install's -r is MiB
///     .WithVcpus(4)
///     .WithCdrom("/var/lib/libvirt/images/debian-12.iso")
///     .WithBlockDisk("/dev/sda2")
///     .WithNetworkInterface("nested-bridge")
///     .Build();
/// </code>
/// which gives a <c>type='kvm'</c>, x86_64 <c>q35</c> guest with ACPI and APIC, a SATA CD-ROM first in the
/// boot order (q35 has no IDE) and the disk second, a virtio NIC, a serial console
/// (<c>&lt;serial type='pty'&gt;</c> plus <c>&lt;console type='pty'&gt;</c>), UTC clock, and power-off/crash
/// destroying and reboot restarting the guest. Arguments are checked when given, against the datatypes libvirt's
/// schema gives them (a value it would refuse throws <see cref="LibvirtXmlValueException"/> naming the parameter);
/// <see cref="Build"/> can be called more than once and returns a new document each time.
/// </summary>
public sealed class DomainBuilder
{
    private readonly string name;
    private readonly List<DiskSpec> disks = [];
    private readonly List<(string NetworkName, string Model, string? MacAddress)> networks = [];
    private string type = "kvm";
    private string arch = "x86_64";
    private string machine = "q35";
    private ulong? memoryBytes;
    private int vcpus = 1;
    private (string Path, DomainDiskBus? Bus)? cdrom;
    private bool serialConsole = true;
    private bool hostPassthrough;
    private bool? migratable;
    private Guid? uuid;

    /// <summary>Starts a guest definition named <paramref name="name"/> (<c>/domain/name</c>, virt-install's <c>-n</c>).</summary>
    /// <param name="name">The guest's unique name: not empty, no <c>/</c> (libvirt refuses it, as the name becomes a file name), no control characters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="LibvirtXmlValueException">The name is empty, blank, or contains <c>/</c> or a control character.</exception>
    public DomainBuilder(string name)
    {
        this.name = LibvirtDatatypes.ObjectName(name, nameof(name));
    }

    /// <summary>The hypervisor type, <c>/domain/@type</c>: <c>kvm</c> (the default) or <c>qemu</c> (TCG emulation), or another of libvirt's <c>hvs</c> values.</summary>
    /// <param name="domainType">The type.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="domainType"/> is <see langword="null"/>.</exception>
    /// <exception cref="LibvirtXmlValueException">The type is not one libvirt's schema knows.</exception>
    public DomainBuilder WithType(string domainType)
    {
        type = LibvirtDatatypes.DomainType(domainType, nameof(domainType));
        return this;
    }

    /// <summary>The guest architecture and machine type, <c>/domain/os/type/@arch</c> and <c>@machine</c> (x86_64 and q35 by default).</summary>
    /// <param name="architecture">The architecture, one of libvirt's <c>archnames</c> such as <c>x86_64</c>.</param>
    /// <param name="machineType">The machine type, such as <c>q35</c> or <c>pc-q35-7.2</c> (letters, digits and <c>_ . -</c>).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">A value is <see langword="null"/>.</exception>
    /// <exception cref="LibvirtXmlValueException">The architecture is unknown, or the machine type empty or has other characters (spaces, markup).</exception>
    public DomainBuilder WithMachine(string architecture, string machineType)
    {
        LibvirtDatatypes.Arch(architecture, nameof(architecture));
        LibvirtDatatypes.Machine(machineType, nameof(machineType));
        arch = architecture;
        machine = machineType;
        return this;
    }

    /// <summary>
    /// The guest memory, written to <c>/domain/memory</c> and <c>/domain/currentMemory</c>. virt-install's
    /// <c>-r 16000</c> (MiB) is <c>WithMemory(DataSize.FromMebibytes(16000))</c>; <c>DataSize.Parse("16G")</c> works too.
    /// </summary>
    /// <param name="size">The size, more than 0 bytes.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="LibvirtXmlValueException"><paramref name="size"/> is 0.</exception>
    public DomainBuilder WithMemory(DataSize size)
    {
        if (size.Bytes == 0)
        {
            throw LibvirtXmlValueException.ForArgument(nameof(size), "memory (scaledInteger)", size.ToString(), "the guest needs more than 0 bytes of memory");
        }

        memoryBytes = size.Bytes;
        return this;
    }

    /// <summary>The number of virtual CPUs, <c>&lt;vcpu placement='static'&gt;N&lt;/vcpu&gt;</c> (virt-install's <c>--vcpus</c>; 1 by default).</summary>
    /// <param name="count">1 to 65535 (libvirt's <c>countCPU</c>, an unsignedShort).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="LibvirtXmlValueException"><paramref name="count"/> is below 1 or above 65535.</exception>
    public DomainBuilder WithVcpus(int count)
    {
        vcpus = LibvirtDatatypes.CountCpu(count, nameof(count));
        return this;
    }

    /// <summary>A read-only CD-ROM holding an installation ISO (virt-install's <c>-l</c>/<c>--cdrom</c>), first in the boot order (see <see cref="DomainXml.AddCdrom"/>). A second call replaces the first.</summary>
    /// <param name="isoPath">Absolute path of the ISO image (libvirt's <c>absFilePath</c>).</param>
    /// <param name="bus">The guest bus: <see cref="DomainDiskBus.Sata"/> when <see langword="null"/> (q35 has no IDE).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="isoPath"/> is <see langword="null"/>.</exception>
    /// <exception cref="LibvirtXmlValueException">The path is not an <c>absFilePath</c> (empty, relative, <c>/</c>, control characters), or the bus has no target-name prefix.</exception>
    public DomainBuilder WithCdrom(string isoPath, DomainDiskBus? bus = null)
    {
        LibvirtDatatypes.AbsFilePath(isoPath, nameof(isoPath));
        CheckBus(bus);
        cdrom = (isoPath, bus);
        return this;
    }

    /// <summary>A host block device as a guest disk (virt-install's <c>--disk path=/dev/sda2</c>; see <see cref="DomainXml.AddBlockDisk"/>). Disks boot after the CD-ROM, in the order given.</summary>
    /// <param name="devicePath">Absolute path of the block device (libvirt's <c>absFilePath</c>).</param>
    /// <param name="bus">The guest bus: <see cref="DomainDiskBus.Virtio"/> when <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="devicePath"/> is <see langword="null"/>.</exception>
    /// <exception cref="LibvirtXmlValueException">The path is not an <c>absFilePath</c>, or the bus has no target-name prefix.</exception>
    public DomainBuilder WithBlockDisk(string devicePath, DomainDiskBus? bus = null)
    {
        LibvirtDatatypes.AbsFilePath(devicePath, nameof(devicePath));
        CheckBus(bus);
        disks.Add(new DiskSpec(devicePath, null, bus));
        return this;
    }

    /// <summary>An image file as a guest disk (see <see cref="DomainXml.AddFileDisk"/>). Disks boot after the CD-ROM, in the order given.</summary>
    /// <param name="path">Absolute path of the image file (libvirt's <c>absFilePath</c>).</param>
    /// <param name="format">Its format (libvirt's <c>storageFormat</c>), <c>qcow2</c> by default.</param>
    /// <param name="bus">The guest bus: <see cref="DomainDiskBus.Virtio"/> when <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="format"/> is <see langword="null"/>.</exception>
    /// <exception cref="LibvirtXmlValueException">The path is not an <c>absFilePath</c>, the format not a <c>storageFormat</c>, or the bus has no target-name prefix.</exception>
    public DomainBuilder WithFileDisk(string path, string format = "qcow2", DomainDiskBus? bus = null)
    {
        LibvirtDatatypes.AbsFilePath(path, nameof(path));
        LibvirtDatatypes.StorageFormat(format, nameof(format));
        CheckBus(bus);
        disks.Add(new DiskSpec(path, format, bus));
        return this;
    }

    /// <summary>A NIC on a libvirt network (virt-install's <c>-w network=NAME</c>; see <see cref="DomainXml.AddNetworkInterface"/>).</summary>
    /// <param name="networkName">The network's name (not empty, no '/', no control characters).</param>
    /// <param name="model">The NIC model (<c>model/@type</c>: letters, digits, '-' and '_'), <c>virtio</c> by default.</param>
    /// <param name="macAddress">A unicast MAC address (libvirt's <c>uniMacAddr</c>), or <see langword="null"/> to let libvirt generate one.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="networkName"/> or <paramref name="model"/> is <see langword="null"/>.</exception>
    /// <exception cref="LibvirtXmlValueException">A name or the model is empty or malformed, or the MAC address is not a unicast <c>uniMacAddr</c>.</exception>
    /// <exception cref="ArgumentException">The MAC address is already given to another NIC.</exception>
    public DomainBuilder WithNetworkInterface(string networkName, string model = "virtio", string? macAddress = null)
    {
        LibvirtDatatypes.NetworkName(networkName, nameof(networkName));
        LibvirtDatatypes.InterfaceModel(model, nameof(model));
        if (macAddress is not null)
        {
            LibvirtDatatypes.UniMacAddr(macAddress, nameof(macAddress));
            if (networks.Any(n => string.Equals(n.MacAddress, macAddress, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException($"The MAC address '{macAddress}' is already given to another NIC of this guest.", nameof(macAddress));
            }
        }

        networks.Add((networkName, model, macAddress));
        return this;
    }

    /// <summary>Whether to add the serial console (<c>&lt;serial type='pty'&gt;</c> and <c>&lt;console type='pty'&gt;</c>, what <c>virsh console</c> reaches); on by default.</summary>
    /// <param name="enabled">Add it or not.</param>
    /// <returns>This builder.</returns>
    public DomainBuilder WithSerialConsole(bool enabled = true)
    {
        serialConsole = enabled;
        return this;
    }

    /// <summary>Gives the guest the host CPU, vmx/svm included, so that it can run guests itself (see <see cref="DomainXml.UseHostPassthrough"/>).</summary>
    /// <param name="migratableCpu"><see langword="null"/> writes no <c>migratable</c> attribute; otherwise <c>on</c> or <c>off</c>.</param>
    /// <returns>This builder.</returns>
    public DomainBuilder WithHostPassthrough(bool? migratableCpu = null)
    {
        hostPassthrough = true;
        migratable = migratableCpu;
        return this;
    }

    /// <summary>A fixed <c>/domain/uuid</c>; without it libvirt generates one at define time.</summary>
    /// <param name="value">The UUID.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="LibvirtXmlValueException">The UUID is all zeros.</exception>
    public DomainBuilder WithUuid(Guid value)
    {
        if (value == Guid.Empty)
        {
            throw LibvirtXmlValueException.ForArgument(nameof(value), "UUID", value.ToString(), "the all-zero UUID is not a guest identity");
        }

        uuid = value;
        return this;
    }

    /// <summary>Writes the guest definition.</summary>
    /// <returns>A new domain document.</returns>
    /// <exception cref="InvalidOperationException">No memory size was given.</exception>
    public DomainXml Build()
    {
        var bytes = memoryBytes ?? throw new InvalidOperationException($"The guest '{name}' has no memory size; call WithMemory (virt-install's -r) before Build.");
        var domain = DomainXml.Create(type);
        domain.Name = name;
        domain.Uuid = uuid;
        domain.MemoryBytes = bytes;
        domain.CurrentMemoryBytes = bytes;
        var vcpu = domain.GetOrAddVcpu();
        vcpu.Placement = DomainVcpuPlacement.Static;
        vcpu.Count = vcpus;
        var os = domain.GetOrAddOs();
        os.Type = "hvm";
        os.Arch = arch;
        os.Machine = machine;
        var features = domain.GetOrAddFeatures();
        features.Add(DomainFeatures.Acpi);
        features.Add(DomainFeatures.Apic);
        if (hostPassthrough)
        {
            domain.UseHostPassthrough(migratable);
        }

        domain.GetOrAddClock().Offset = DomainClockOffset.Utc;
        domain.OnPoweroff = DomainLifecycleAction.Destroy;
        domain.OnReboot = DomainLifecycleAction.Restart;
        domain.OnCrash = DomainLifecycleAction.Destroy;

        var bootOrder = 1;
        if (cdrom is var (isoPath, cdromBus))
        {
            domain.AddCdrom(isoPath, cdromBus).BootOrder = bootOrder++;
        }

        foreach (var disk in disks)
        {
            var added = disk.Format is null ? domain.AddBlockDisk(disk.Path, disk.Bus) : domain.AddFileDisk(disk.Path, disk.Format, disk.Bus);
            added.BootOrder ??= bootOrder++;
        }

        foreach (var (networkName, model, macAddress) in networks)
        {
            domain.AddNetworkInterface(networkName, model, macAddress);
        }

        if (serialConsole)
        {
            domain.Devices.Add(new DomainSerial(new XElement("serial", new XAttribute("type", "pty"), new XElement("target", new XAttribute("port", "0")))));
            domain.Devices.Add(new DomainConsole(new XElement("console", new XAttribute("type", "pty"), new XElement("target", new XAttribute("type", "serial"), new XAttribute("port", "0")))));
        }

        return domain;
    }

    private static void CheckBus(DomainDiskBus? bus)
    {
        if (bus is { } given)
        {
            LibvirtDatatypes.DiskBus(given.Value ?? string.Empty, nameof(bus));
        }
    }

    private sealed record DiskSpec(string Path, string? Format, DomainDiskBus? Bus);
}
