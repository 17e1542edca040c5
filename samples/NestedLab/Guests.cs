using LibvirtNested.Xml;
using LibvirtNested.Xml.Domain;

namespace LibvirtNested.Samples;

/// <summary>
/// The guests of the walkthrough. Each method is idempotent, so the same code creates a guest on the first run and
/// leaves it unchanged (or brings it back in line) on the next.
/// </summary>
internal static class Guests
{
    /// <summary>
    /// The L1 guest for the test driver, which has none to edit: what <c>virt-install -n nested-L1 -r 8192 --vcpus 4
    /// --os-variant debian12 --disk size=40 -w network=default --graphics spice</c> leaves on qemu:///system (Resources/
    /// l1-virt-install.xml; PCI addresses, UUID and MAC left for libvirt to fill in), renamed to <paramref name="name"/>.
    /// </summary>
    public static DomainXml NewL1(string name)
    {
        var domain = DomainXml.Load(Path.Combine(AppContext.BaseDirectory, "Resources", "l1-virt-install.xml"));
        domain.Name = name;
        domain.Devices.Disks.Single().Source!.File = $"/var/lib/libvirt/images/{name}.qcow2";
        return domain;
    }

    /// <summary>The L1 edits of the walkthrough: host-passthrough CPU, a virtio-scsi controller and the LUN.</summary>
    public static void EditL1(DomainXml domain, string lun, Action<string>? verifyDevice)
    {
        domain.UseHostPassthrough();
        domain.EnsureVirtioScsiController();
        domain.AddLunDisk(lun, new LunDiskOptions { VerifyDevice = verifyDevice });
    }

    /// <summary>
    /// What <c>virt-install -n NAME -r MEMORY --vcpus=N -l ISO --disk path=DISK -w network=NET</c> defines: the ISO as a
    /// CD-ROM first in the boot order, the disk (a block device, or an image file), a virtio NIC on the network, a serial
    /// console, ACPI/APIC, q35.
    /// </summary>
    public static DomainXml NewL2(LabOptions options)
    {
        var builder = new DomainBuilder(options.L2)
            .WithMemory(options.Memory)
            .WithVcpus(options.Vcpus)
            .WithCdrom(options.Iso)
            .WithNetworkInterface(options.Network);
        builder = IsBlockDevice(options.Disk)
            ? builder.WithBlockDisk(options.Disk)
            : builder.WithFileDisk(options.Disk, ImageFormat(options.Disk));
        return builder.Build();
    }

    /// <summary>
    /// Brings an existing L2 in line with the options: memory, vCPUs, and the ISO, disk and NIC present. Boot order,
    /// console and the rest stay as they are: they are the guest's own business once it exists.
    /// </summary>
    public static void UpdateL2(DomainXml domain, LabOptions options)
    {
        // Only touch what differs: libvirt writes memory back in KiB, and rewriting an equal value would show up as a diff.
        if (domain.MemoryBytes != options.Memory.Bytes)
        {
            domain.MemoryBytes = options.Memory.Bytes;
        }

        if (domain.CurrentMemoryBytes != options.Memory.Bytes)
        {
            domain.CurrentMemoryBytes = options.Memory.Bytes;
        }

        if (domain.Vcpu?.Count != options.Vcpus)
        {
            domain.GetOrAddVcpu().Count = options.Vcpus;
        }

        domain.AddCdrom(options.Iso);
        if (IsBlockDevice(options.Disk))
        {
            domain.AddBlockDisk(options.Disk);
        }
        else
        {
            domain.AddFileDisk(options.Disk, ImageFormat(options.Disk));
        }

        // AddNetworkInterface adds a NIC on every call; the walkthrough wants exactly one on the network.
        if (!domain.Devices.Interfaces.Any(nic => nic.Source?.Network == options.Network))
        {
            domain.AddNetworkInterface(options.Network);
        }
    }

    private static bool IsBlockDevice(string path) => path.StartsWith("/dev/", StringComparison.Ordinal);

    private static string ImageFormat(string path) => path.EndsWith(".qcow2", StringComparison.Ordinal) ? "qcow2" : "raw";
}
