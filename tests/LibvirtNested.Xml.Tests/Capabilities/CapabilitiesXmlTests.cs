using LibvirtNested.Xml.Capabilities;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Capabilities;

[TestFixture]
public sealed class CapabilitiesXmlTests
{
    internal const string Sample = """
        <capabilities>

          <host>
            <uuid>76c66c2c-3e8d-4b0c-97ac-bd6aa0edb4f0</uuid>
            <cpu>
              <arch>x86_64</arch>
              <model>Skylake-Client-IBRS</model>
              <vendor>Intel</vendor>
              <microcode version='240'/>
              <counter name='tsc' frequency='2592000000' scaling='yes'/>
              <topology sockets='1' dies='1' cores='4' threads='2'/>
              <feature name='ds'/>
              <feature name='vmx'/>
              <pages unit='KiB' size='4'/>
              <pages unit='KiB' size='2048'/>
            </cpu>
            <power_management>
              <suspend_mem/>
              <suspend_disk/>
            </power_management>
            <iommu support='yes'/>
            <migration_features>
              <live/>
              <uri_transports>
                <uri_transport>tcp</uri_transport>
                <uri_transport>rdma</uri_transport>
              </uri_transports>
            </migration_features>
            <topology>
              <cells num='1'>
                <cell id='0'>
                  <memory unit='KiB'>16384000</memory>
                  <cpus num='2'>
                    <cpu id='0' socket_id='0' core_id='0' siblings='0'/>
                    <cpu id='1' socket_id='0' core_id='1' siblings='1'/>
                  </cpus>
                </cell>
              </cells>
            </topology>
            <secmodel>
              <model>apparmor</model>
              <doi>0</doi>
            </secmodel>
          </host>

          <guest>
            <os_type>hvm</os_type>
            <arch name='x86_64'>
              <wordsize>64</wordsize>
              <emulator>/usr/bin/qemu-system-x86_64</emulator>
              <machine maxCpus='255'>pc-i440fx-7.2</machine>
              <machine canonical='pc-i440fx-7.2' maxCpus='255'>pc</machine>
              <domain type='qemu'/>
              <domain type='kvm'>
                <emulator>/usr/bin/kvm</emulator>
                <machine maxCpus='288' deprecated='no'>pc-q35-7.2</machine>
              </domain>
            </arch>
            <features>
              <acpi default='on' toggle='yes'/>
              <cpuselection/>
            </features>
          </guest>

        </capabilities>
        """;

    [Test]
    public void Reads_the_host()
    {
        var host = CapabilitiesXml.Parse(Sample).Host!;

        Assert.That(host.Uuid, Is.EqualTo(Guid.Parse("76c66c2c-3e8d-4b0c-97ac-bd6aa0edb4f0")));
        Assert.That(host.IommuSupported, Is.True);
        Assert.That(host.PowerManagement, Is.EqualTo(new[] { "suspend_mem", "suspend_disk" }));
        Assert.That(host.SecurityModels, Is.EqualTo(new[] { "apparmor" }));
        Assert.That(host.Migration!.Live, Is.True);
        Assert.That(host.Migration.UriTransports, Is.EqualTo(new[] { "tcp", "rdma" }));
        var cell = host.Topology!.Cells.Single();
        Assert.That((cell.Id, cell.MemoryBytes, host.Topology.CpuCount), Is.EqualTo(((int?)0, (ulong?)(16384000UL * 1024), 2)));
        Assert.That(cell.CpuIds, Is.EqualTo(new[] { 0, 1 }));
    }

    [Test]
    public void Reads_guests_machines_and_domain_types()
    {
        var caps = CapabilitiesXml.Parse(Sample);
        var guest = caps.FindGuest("hvm", "x86_64")!;

        Assert.That((guest.OsType, guest.Arch, guest.WordSize, guest.Emulator), Is.EqualTo(("hvm", "x86_64", (int?)64, "/usr/bin/qemu-system-x86_64")));
        Assert.That(guest.Machines.Select(m => (m.Name, m.Canonical, m.MaxCpus)), Is.EqualTo(new[] { ("pc-i440fx-7.2", (string?)null, (int?)255), ("pc", "pc-i440fx-7.2", 255) }));
        Assert.That(guest.Domains.Select(d => d.Type), Is.EqualTo(new[] { "qemu", "kvm" }));
        Assert.That(guest.FindDomain("kvm")!.Emulator, Is.EqualTo("/usr/bin/kvm"));
        Assert.That(guest.FindDomain("qemu")!.Emulator, Is.Null);
        Assert.That(guest.MachinesFor("kvm").Select(m => (m.Name, m.Deprecated)), Is.EqualTo(new[] { ("pc-q35-7.2", (bool?)false) }));
        Assert.That(guest.MachinesFor("qemu").Select(m => m.Name), Is.EqualTo(new[] { "pc-i440fx-7.2", "pc" }));
        Assert.That(guest.MachinesFor("xen"), Is.Empty);
        Assert.That(guest.Features, Is.EqualTo(new[] { "acpi", "cpuselection" }));
        Assert.That(guest.HasFeature("acpi"), Is.True);
        Assert.That(guest.HasFeature("pae"), Is.False);
    }

    [Test]
    public void Finds_guests_and_domain_types_by_architecture()
    {
        var caps = CapabilitiesXml.Parse(Sample);

        Assert.That(caps.FindGuest("hvm", "i686"), Is.Null);
        Assert.That(caps.FindGuest("xen", "x86_64"), Is.Null);
        Assert.That(caps.SupportsDomainType("x86_64", "kvm"), Is.True);
        Assert.That(caps.SupportsDomainType("x86_64", "xen"), Is.False);
        Assert.That(caps.SupportsDomainType("aarch64", "kvm"), Is.False);
    }

    [Test]
    public void Writing_back_changes_nothing_and_clone_is_independent()
    {
        var caps = CapabilitiesXml.Parse(Sample);
        var clone = caps.Clone();
        clone.Element.Element("host")!.Remove();

        Assert.That(caps.ToXmlString(), Is.EqualTo(Sample));
        Assert.That(clone.Host, Is.Null);
        Assert.That(clone.Guests, Has.Count.EqualTo(1));
    }

    [Test]
    public void Missing_parts_read_as_null_or_empty()
    {
        var caps = CapabilitiesXml.Parse("<capabilities><host/><guest><os_type>exe</os_type></guest></capabilities>");

        Assert.That((caps.Host!.Uuid, caps.Host.Cpu, caps.Host.Topology, caps.Host.Migration, caps.Host.IommuSupported), Is.EqualTo(((Guid?)null, (CapabilitiesHostCpu?)null, (CapabilitiesHostTopology?)null, (CapabilitiesHostMigration?)null, (bool?)null)));
        Assert.That(caps.Host.PowerManagement, Is.Empty);
        var guest = caps.Guests.Single();
        Assert.That((guest.Arch, guest.WordSize, guest.Emulator, guest.Loader), Is.EqualTo(((string?)null, (int?)null, (string?)null, (string?)null)));
        Assert.That(guest.Machines, Is.Empty);
        Assert.That(guest.Domains, Is.Empty);
        Assert.That(guest.Features, Is.Empty);
    }

    [Test]
    public void Malformed_values_fail_on_read_naming_the_path()
    {
        var caps = CapabilitiesXml.Parse("""
            <capabilities>
              <host><uuid>zzz</uuid><iommu support='perhaps'/><topology><cells><cell id='x'/></cells></topology></host>
              <guest><os_type>hvm</os_type><arch name='x86_64'><wordsize>sixty-four</wordsize><machine maxCpus='-1'>pc</machine></arch></guest>
            </capabilities>
            """);

        Assert.That(Assert.Throws<LibvirtXmlValueException>(() => _ = caps.Host!.Uuid)!.ElementPath, Is.EqualTo("/capabilities/host/uuid"));
        Assert.That(Assert.Throws<LibvirtXmlValueException>(() => _ = caps.Host!.IommuSupported)!.AttributeName, Is.EqualTo("support"));
        Assert.That(Assert.Throws<LibvirtXmlValueException>(() => _ = caps.Host!.Topology!.Cells[0].Id)!.ElementPath, Is.EqualTo("/capabilities/host/topology/cells/cell"));
        Assert.That(Assert.Throws<LibvirtXmlValueException>(() => _ = caps.Guests[0].WordSize)!.ElementPath, Is.EqualTo("/capabilities/guest/arch/wordsize"));
        Assert.That(Assert.Throws<LibvirtXmlValueException>(() => _ = caps.Guests[0].Machines[0].MaxCpus)!.AttributeName, Is.EqualTo("maxCpus"));
    }

    [Test]
    public void Load_reads_files_and_streams()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lvn-caps-{Guid.NewGuid():N}.xml");
        try
        {
            File.WriteAllText(path, Sample);
            using var stream = File.OpenRead(path);
            Assert.That(CapabilitiesXml.Load(path).Host!.Cpu!.Model, Is.EqualTo("Skylake-Client-IBRS"));
            Assert.That(CapabilitiesXml.Load(stream).Guests, Has.Count.EqualTo(1));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
