using System.Net;
using System.Xml.Linq;
using LibvirtNested.Xml;
using LibvirtNested.Xml.Capabilities;
using LibvirtNested.Xml.Domain;
using LibvirtNested.Xml.DomainCapabilities;
using LibvirtNested.Xml.Network;
using LibvirtNested.Xml.Storage;

namespace LibvirtNested.AotSmoke;

/// <summary>LibvirtNested.Xml: load, edit and save each document kind, the builders, the nested edits, diffs and errors.</summary>
internal static class XmlArea
{
    // A hand-made L1 guest: a comment, an unknown element, a hypervisor namespace and a custom CPU that the edits replace.
    private const string Guest = """
        <domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>
          <!-- kept by every edit -->
          <name>aot-l1</name>
          <memory unit='GiB'>4</memory>
          <vcpu>2</vcpu>
          <os><type arch='x86_64' machine='q35'>hvm</type></os>
          <cpu mode='custom' match='exact'><model>Skylake-Client</model></cpu>
          <devices>
            <disk type='file' device='disk'><source file='/var/lib/libvirt/images/l1.qcow2'/><target dev='vda' bus='virtio'/></disk>
          </devices>
          <unknownThing keep='yes'/>
          <qemu:commandline><qemu:arg value='-trace'/></qemu:commandline>
        </domain>
        """;

    public static void Run(SmokeRun run, string workDirectory)
    {
        Domain(run, workDirectory);
        Builders(run);
        Network(run, workDirectory);
        StorageAndData(run);
        DomainCapabilities(run, workDirectory);
        Errors(run, workDirectory);
    }

    private static void Domain(SmokeRun run, string workDirectory)
    {
        var path = Path.Combine(workDirectory, "l1.xml");
        File.WriteAllText(path, Guest);
        var domain = DomainXml.Load(path);
        var before = domain.ToXmlString();
        run.Equal("domain name read", "aot-l1", domain.Name);
        run.Equal("memory read as a DataSize", DataSize.FromGibibytes(4).Bytes, domain.MemoryBytes);

        domain.UseHostPassthrough();
        domain.EnsureVirtioScsiController();
        var lun = domain.AddLunDisk("/dev/sdb");
        var nic = domain.AddNetworkInterface("nested-bridge");
        run.Equal("host-passthrough set", DomainCpuMode.HostPassthrough, domain.Cpu?.Mode);
        run.Check("custom CPU model removed", domain.Cpu?.Model is null);
        run.Equal("LUN disk added", DomainDiskDevice.Lun, lun.Device);
        run.Equal("LUN target is the first free sdX", "sda", lun.Target?.Dev);
        run.Equal("virtio-scsi controller present", 1, domain.Devices.Controllers.Count(c => c.Model == DomainControllerModel.VirtioScsi));
        run.Equal("NIC on the network", "nested-bridge", nic.Source?.Network);
        run.Equal("OfType<DomainDisk> sees both disks", 2, domain.Devices.OfType<DomainDisk>().Count);

        domain.Save(path);
        var saved = File.ReadAllText(path);
        run.Check("comment, unknown element and qemu namespace survive the save",
            saved.Contains("<!-- kept by every edit -->", StringComparison.Ordinal) && saved.Contains("<unknownThing keep='yes'/>", StringComparison.Ordinal)
            && saved.Contains("qemu:commandline", StringComparison.Ordinal), saved);
        var again = DomainXml.Load(path);
        again.UseHostPassthrough();
        again.EnsureVirtioScsiController();
        run.Equal("the nested edits are idempotent", again.ToXmlString(), DomainXml.Parse(saved).ToXmlString());
        var diff = XmlTextDiff.Unified(before, domain.ToXmlString());
        run.Check("unified diff shows the CPU change", diff.Contains("+  <cpu mode='host-passthrough'/>", StringComparison.Ordinal), diff);
        run.Check("escape hatch: the XElement is the document's", domain.Element.Element("unknownThing") is not null);
        using var stream = new MemoryStream();
        domain.Save(stream);
        stream.Position = 0;
        run.Equal("save to and load from a stream", domain.ToXmlString(), DomainXml.Load(stream).ToXmlString());
    }

    private static void Builders(SmokeRun run)
    {
        var l2 = new DomainBuilder("aot-l2")
            .WithMemory(DataSize.Parse("2G"))
            .WithVcpus(2)
            .WithCdrom("/var/lib/libvirt/images/netinst.iso")
            .WithBlockDisk("/dev/sda2")
            .WithFileDisk("/var/lib/libvirt/images/l2.qcow2")
            .WithNetworkInterface("nested-bridge", macAddress: "52:54:00:aa:bb:cc")
            .WithHostPassthrough()
            .WithUuid(Guid.Parse("7b8e3c50-4f0e-4d0a-9a6b-1f2e3d4c5b6a"))
            .Build();
        run.Equal("DomainBuilder name", "aot-l2", l2.Name);
        run.Equal("DomainBuilder disks", 3, l2.Devices.Disks.Count);
        run.Equal("DomainBuilder host-passthrough", DomainCpuMode.HostPassthrough, l2.Cpu?.Mode);

        var network = new NatNetworkBuilder("aot-net")
            .WithBridge("virbr-aot")
            .WithSubnet("192.168.177.0/24")
            .WithDhcpRange("192.168.177.128", "192.168.177.254")
            .AddDhcpHost("52:54:00:aa:bb:cc", IPAddress.Parse("192.168.177.10"), "l2")
            .Build();
        run.Equal("NatNetworkBuilder forward mode", NetworkForwardMode.Nat, network.Forward?.Mode);
        run.Equal("NatNetworkBuilder DHCP host", 1, network.Ipv4?.Dhcp?.Hosts.Count);
        var refused = run.Throws<ArgumentException>("NatNetworkBuilder refuses a DHCP range outside the subnet",
            () => new NatNetworkBuilder("bad").WithSubnet("10.0.0.0/24").WithDhcpRange("10.0.1.1", "10.0.1.9").Build());
        run.Check("the refusal says why", refused?.Message.Length > 10);
    }

    private static void Network(SmokeRun run, string workDirectory)
    {
        var path = Path.Combine(workDirectory, "net.xml");
        File.WriteAllText(path, """
            <network>
              <name>aot-plain</name>
              <!-- hand-made -->
              <forward mode='nat'/>
              <ip address='192.168.178.1' netmask='255.255.255.0'>
                <dhcp><range start='192.168.178.100' end='192.168.178.200'/></dhcp>
              </ip>
            </network>
            """);
        var network = NetworkXml.Load(path);
        var subnet = Ipv4Subnet.Create(IPAddress.Parse("192.168.178.1"), 24);
        run.Check("Ipv4Subnet contains the host address", subnet.Contains(IPAddress.Parse("192.168.178.55")));
        network.Ipv4!.Dhcp!.AddHost("52:54:00:00:00:01", "l2", "192.168.178.20");
        network.Name = "aot-edited";
        network.Save(path);
        var reloaded = NetworkXml.Load(path);
        run.Equal("network edit saved", "aot-edited", reloaded.Name);
        run.Equal("DHCP host found by MAC", "192.168.178.20", reloaded.Ipv4?.Dhcp?.FindHost("52:54:00:00:00:01")?.Ip);
        run.Check("network comment survives", File.ReadAllText(path).Contains("<!-- hand-made -->", StringComparison.Ordinal));
    }

    private static void StorageAndData(SmokeRun run)
    {
        var volume = StorageVolumeXml.Parse("<volume><name>l2.qcow2</name><capacity unit='G'>10</capacity><target><format type='qcow2'/></target></volume>");
        run.Equal("storage volume capacity", 10UL * 1024 * 1024 * 1024, volume.CapacityBytes);
        var pool = StoragePoolXml.Parse("<pool type='dir'><name>aot-pool</name><target><path>/var/lib/aot</path></target></pool>");
        run.Equal("storage pool name", "aot-pool", pool.Name);
        run.Equal("DataSize.Parse with unit", DataSize.FromMebibytes(1536), DataSize.Parse("1536M"));
        run.Equal("DataSize largest exact unit", (3UL, "GiB"), DataSize.ToLargestExactUnit(3UL << 30));
    }

    private static void DomainCapabilities(SmokeRun run, string workDirectory)
    {
        var path = Path.Combine(workDirectory, "domcaps.xml");
        File.WriteAllText(path, SmokeRun.Resource("domcapabilities-kvm.xml"));
        var caps = DomainCapabilitiesXml.Load(path);
        run.Equal("domain capabilities: kvm", "kvm", caps.Domain);
        run.Check("domain capabilities: host-passthrough supported", caps.Cpu?.IsModeSupported("host-passthrough") == true);
        run.Check("domain capabilities: disk buses listed", caps.DiskBuses.Contains("scsi"));
        var clone = caps.Clone();
        clone.Element.SetAttributeValue(XName.Get("edited"), "yes");
        run.Check("domain capabilities clone is independent", caps.Element.Attribute("edited") is null);
    }

    private static void Errors(SmokeRun run, string workDirectory)
    {
        var error = run.Throws<LibvirtXmlParseException>("malformed XML is a parse error", () => DomainXml.Parse("<domain><name>x</domain>"));
        run.Check("the parse error has a line number", error?.LineNumber >= 1, error?.Message);
        run.Throws<LibvirtXmlException>("a DTD is refused", () => DomainXml.Parse("<!DOCTYPE domain [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><domain>&e;</domain>"));
        run.Throws<LibvirtXmlException>("the wrong root element is refused", () => NetworkXml.Parse("<domain/>"));
        var fifo = Path.Combine(workDirectory, "not-regular");
        Directory.CreateDirectory(fifo);
        run.Throws<Exception>("a directory is not loaded as a document", () => DomainXml.Load(fifo));
        var caps = CapabilitiesXml.Parse("<capabilities><host><cpu><arch>x86_64</arch></cpu></host><guest><os_type>hvm</os_type><arch name='x86_64'><domain type='kvm'/></arch></guest></capabilities>");
        run.Check("capabilities: kvm guests for x86_64", caps.SupportsDomainType("x86_64", "kvm"));
    }
}
