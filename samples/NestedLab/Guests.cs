using System.Xml.Linq;
using LibvirtNested.Xml.Domain;

namespace LibvirtNested.Samples;

/// <summary>
/// The guests of the walkthrough. Each method is idempotent, so the same code creates a guest on the first run and
/// leaves it unchanged (or brings it back in line) on the next.
/// </summary>
internal static class Guests
{
    /// <summary>A small L1 guest for the test driver, which has none to edit.</summary>
    public static DomainXml NewL1(string name)
    {
        var domain = DomainXml.Create("kvm");
        domain.Name = name;
        domain.MemoryBytes = 8UL << 30;
        domain.GetOrAddVcpu().Count = 4;
        var os = domain.GetOrAddOs();
        os.Type = "hvm";
        os.Arch = "x86_64";
        os.Machine = "q35";
        os.SetBootDevices("hd");
        domain.AddFileDisk($"/var/lib/libvirt/images/{name}.qcow2");
        return domain;
    }

    /// <summary>The L1 edits of the walkthrough: host-passthrough CPU, a virtio-scsi controller and the LUN.</summary>
    public static void EditL1(DomainXml domain, string lun, Action<string>? verifyDevice)
    {
        domain.UseHostPassthrough();
        domain.EnsureVirtioScsiController();
        domain.AddLunDisk(lun, new LunDiskOptions { VerifyDevice = verifyDevice });
    }

    /// <summary>A new L2 document with the name and the parts virt-install fixes at creation (type, OS, machine).</summary>
    public static DomainXml NewL2(string name)
    {
        var domain = DomainXml.Create("kvm");
        domain.Name = name;
        var os = domain.GetOrAddOs();
        os.Type = "hvm";
        os.Arch = "x86_64";
        os.Machine = "q35";
        return domain;
    }

    /// <summary>
    /// What <c>virt-install -n NAME -r MEMORY --vcpus=N -l ISO --disk path=DISK -w network=NET</c> configures: memory,
    /// vCPUs, installer CD-ROM first in the boot order, the disk, a virtio NIC on the network, ACPI/APIC and a serial
    /// console.
    /// </summary>
    public static void ConfigureL2(DomainXml domain, LabOptions options)
    {
        // Only touch what differs: libvirt writes memory back in KiB, and rewriting an equal value would show up as a diff.
        if (domain.MemoryBytes != options.MemoryBytes)
        {
            domain.MemoryBytes = options.MemoryBytes;
        }

        if (domain.CurrentMemoryBytes != options.MemoryBytes)
        {
            domain.CurrentMemoryBytes = options.MemoryBytes;
        }

        if (domain.Vcpu?.Count != options.Vcpus)
        {
            domain.GetOrAddVcpu().Count = options.Vcpus;
        }

        var os = domain.GetOrAddOs();
        if (!os.BootDevices.SequenceEqual(["cdrom", "hd"]))
        {
            os.SetBootDevices("cdrom", "hd");
        }
        var features = domain.GetOrAddFeatures();
        foreach (var feature in new[] { DomainFeatures.Acpi, DomainFeatures.Apic })
        {
            if (!features.Contains(feature))
            {
                features.Add(feature);
            }
        }

        domain.AddCdrom(options.Iso);
        if (options.Disk.StartsWith("/dev/", StringComparison.Ordinal))
        {
            domain.AddBlockDisk(options.Disk);
        }
        else
        {
            domain.AddFileDisk(options.Disk, options.Disk.EndsWith(".qcow2", StringComparison.Ordinal) ? "qcow2" : "raw");
        }

        // AddNetworkInterface adds a NIC on every call; the walkthrough wants exactly one on the network.
        if (!domain.Devices.Interfaces.Any(nic => nic.Source?.Network == options.Network))
        {
            domain.AddNetworkInterface(options.Network);
        }

        if (!domain.Devices.OfType<DomainSerial>().Any())
        {
            domain.Devices.Add(new XElement("serial", new XAttribute("type", "pty")));
        }

        if (!domain.Devices.OfType<DomainConsole>().Any())
        {
            domain.Devices.Add(new XElement("console", new XAttribute("type", "pty")));
        }
    }
}
