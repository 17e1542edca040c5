using System.Globalization;
using System.Xml.Linq;

namespace LibvirtNested.Xml.Domain;

/// <summary>
/// Builds a new guest definition, the XML <c>virt-install</c> would define. The walkthrough's
/// <c>virt-install -n nested-L2 -r 16000 --vcpus=4 -l ISO --disk path=/dev/sda2 -w network=nested_bridge</c> is
/// <code>
/// new DomainBuilder("nested-L2")
///     .WithMemory("16000")          // MiB, as virt-install's -r
///     .WithVcpus(4)
///     .WithInstallIso("/var/lib/libvirt/images/debian-12.iso")
///     .WithBlockDisk("/dev/sda2")
///     .WithNetwork("nested-bridge")
///     .Build();
/// </code>
/// which gives a <c>type='kvm'</c>, x86_64 <c>q35</c> guest with ACPI and APIC, a SATA CD-ROM first in the
/// boot order (q35 has no IDE) and the disk second, a virtio NIC, a serial console
/// (<c>&lt;serial type='pty'&gt;</c> plus <c>&lt;console type='pty'&gt;</c>), UTC clock, and power-off/crash
/// destroying and reboot restarting the guest. Arguments are checked when given; <see cref="Build"/> can be called
/// more than once and returns a new document each time.
/// </summary>
public sealed class DomainBuilder
{
    private readonly string name;
    private readonly List<DiskSpec> disks = [];
    private readonly List<(string Network, string Model, string? Mac)> networks = [];
    private string type = "kvm";
    private string arch = "x86_64";
    private string machine = "q35";
    private ulong? memoryBytes;
    private int vcpus = 1;
    private string? installIso;
    private bool serialConsole = true;
    private bool hostPassthrough;
    private bool? migratable;
    private Guid? uuid;

    /// <summary>Starts a guest definition named <paramref name="name"/> (<c>/domain/name</c>, virt-install's <c>-n</c>).</summary>
    /// <param name="name">The guest's unique name: not empty, no <c>/</c> (libvirt refuses it, as the name becomes a file name).</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The name is empty, blank or contains <c>/</c>.</exception>
    public DomainBuilder(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("The guest name is empty; libvirt needs a name such as nested-L2.", nameof(name));
        }

        if (name.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' contains '/', which libvirt refuses in a guest name.", nameof(name));
        }

        this.name = name;
    }

    /// <summary>The hypervisor type, <c>/domain/@type</c>: <c>kvm</c> (the default) or <c>qemu</c> (TCG emulation).</summary>
    /// <param name="domainType">The type.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The type is empty.</exception>
    public DomainBuilder WithType(string domainType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domainType);
        type = domainType;
        return this;
    }

    /// <summary>The guest architecture and machine type, <c>/domain/os/type/@arch</c> and <c>@machine</c> (x86_64 and q35 by default).</summary>
    /// <param name="architecture">The architecture, such as <c>x86_64</c>.</param>
    /// <param name="machineType">The machine type, such as <c>q35</c> or <c>pc-q35-7.2</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A value is empty.</exception>
    public DomainBuilder WithMachine(string architecture, string machineType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(architecture);
        ArgumentException.ThrowIfNullOrWhiteSpace(machineType);
        arch = architecture;
        machine = machineType;
        return this;
    }

    /// <summary>The guest memory in bytes, written to <c>/domain/memory</c> and <c>/domain/currentMemory</c>.</summary>
    /// <param name="bytes">The size in bytes, more than 0.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is 0.</exception>
    public DomainBuilder WithMemory(ulong bytes)
    {
        if (bytes == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bytes), bytes, "The guest needs more than 0 bytes of memory.");
        }

        memoryBytes = bytes;
        return this;
    }

    /// <summary>The guest memory as virt-install's <c>-r</c> takes it: a bare number is MiB (<c>16000</c>); a unit may follow (<c>16G</c>, <c>512MiB</c>).</summary>
    /// <param name="size">The size; see <see cref="DataSize.Parse"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The text is not a size, or the size is 0.</exception>
    public DomainBuilder WithMemory(string size)
    {
        ArgumentNullException.ThrowIfNull(size);
        ulong bytes;
        try
        {
            bytes = DataSize.Parse(size);
        }
        catch (FormatException e)
        {
            throw new ArgumentException(e.Message, nameof(size), e);
        }

        if (bytes == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"'{size}' is no memory; the guest needs more than 0 bytes.");
        }

        return WithMemory(bytes);
    }

    /// <summary>The number of virtual CPUs, <c>&lt;vcpu placement='static'&gt;N&lt;/vcpu&gt;</c> (virt-install's <c>--vcpus</c>; 1 by default).</summary>
    /// <param name="count">1 or more.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public DomainBuilder WithVcpus(int count)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"{count.ToString(CultureInfo.InvariantCulture)} vCPUs: a guest needs at least 1.");
        }

        vcpus = count;
        return this;
    }

    /// <summary>An installation ISO as a read-only SATA CD-ROM, first in the boot order (see <see cref="DomainXml.AddCdrom"/>).</summary>
    /// <param name="isoPath">Absolute path of the ISO image.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The path is empty or relative.</exception>
    public DomainBuilder WithInstallIso(string isoPath)
    {
        DomainXml.RequireAbsolutePath(isoPath, nameof(isoPath));
        installIso = isoPath;
        return this;
    }

    /// <summary>A host block device as a guest disk (virt-install's <c>--disk path=/dev/sda2</c>; see <see cref="DomainXml.AddBlockDisk"/>). Disks boot after the ISO, in the order given.</summary>
    /// <param name="devicePath">Absolute path of the block device.</param>
    /// <param name="bus">The guest bus, <c>virtio</c> by default.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The path is empty or relative, or the bus unknown.</exception>
    public DomainBuilder WithBlockDisk(string devicePath, string bus = "virtio")
    {
        DomainXml.RequireAbsolutePath(devicePath, nameof(devicePath));
        _ = DomainDiskTargetName.PrefixFor(bus);
        disks.Add(new DiskSpec(devicePath, null, bus));
        return this;
    }

    /// <summary>An image file as a guest disk (see <see cref="DomainXml.AddFileDisk"/>). Disks boot after the ISO, in the order given.</summary>
    /// <param name="path">Absolute path of the image file.</param>
    /// <param name="format">Its format, <c>qcow2</c> by default.</param>
    /// <param name="bus">The guest bus, <c>virtio</c> by default.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The path is empty or relative, the format empty, or the bus unknown.</exception>
    public DomainBuilder WithImageDisk(string path, string format = "qcow2", string bus = "virtio")
    {
        DomainXml.RequireAbsolutePath(path, nameof(path));
        ArgumentException.ThrowIfNullOrWhiteSpace(format);
        _ = DomainDiskTargetName.PrefixFor(bus);
        disks.Add(new DiskSpec(path, format, bus));
        return this;
    }

    /// <summary>A NIC on a libvirt network (virt-install's <c>-w network=NAME</c>; see <see cref="DomainXml.AddNetworkInterface"/>).</summary>
    /// <param name="networkName">The network's name.</param>
    /// <param name="model">The NIC model, <c>virtio</c> by default.</param>
    /// <param name="mac">A MAC address, or <see langword="null"/> to let libvirt generate one.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A name is empty, or the MAC address is malformed, multicast or already given to another NIC.</exception>
    public DomainBuilder WithNetwork(string networkName, string model = "virtio", string? mac = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(networkName);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        if (mac is not null)
        {
            DomainXml.RequireUnicastMac(mac, nameof(mac));
            if (networks.Any(n => string.Equals(n.Mac, mac, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException($"The MAC address '{mac}' is already given to another NIC of this guest.", nameof(mac));
            }
        }

        networks.Add((networkName, model, mac));
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
    /// <exception cref="ArgumentException">The UUID is all zeros.</exception>
    public DomainBuilder WithUuid(Guid value)
    {
        if (value == Guid.Empty)
        {
            throw new ArgumentException("The all-zero UUID is not a guest identity.", nameof(value));
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
        vcpu.Placement = "static";
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
        if (installIso is not null)
        {
            domain.AddCdrom(installIso).BootOrder = bootOrder++;
        }

        foreach (var disk in disks)
        {
            var added = disk.Format is null ? domain.AddBlockDisk(disk.Path, disk.Bus) : domain.AddFileDisk(disk.Path, disk.Format, disk.Bus);
            added.BootOrder ??= bootOrder++;
        }

        foreach (var (network, model, mac) in networks)
        {
            domain.AddNetworkInterface(network, model, mac);
        }

        if (serialConsole)
        {
            domain.Devices.Add(new DomainSerial(new XElement("serial", new XAttribute("type", "pty"), new XElement("target", new XAttribute("port", "0")))));
            domain.Devices.Add(new DomainConsole(new XElement("console", new XAttribute("type", "pty"), new XElement("target", new XAttribute("type", "serial"), new XAttribute("port", "0")))));
        }

        return domain;
    }

    private sealed record DiskSpec(string Path, string? Format, string Bus);
}
