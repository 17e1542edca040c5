using LibvirtNested.Xml.DomainCapabilities;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.DomainCapabilities;

[TestFixture]
public sealed class DomainCapabilitiesXmlTests
{
    internal const string Sample = """
        <domainCapabilities>
          <path>/usr/bin/qemu-system-x86_64</path>
          <domain>kvm</domain>
          <machine>pc-q35-7.2</machine>
          <arch>x86_64</arch>
          <vcpu max='288'/>
          <iothreads supported='yes'/>
          <os supported='yes'>
            <enum name='firmware'>
              <value>bios</value>
              <value>efi</value>
            </enum>
            <loader supported='yes'>
              <value>/usr/share/OVMF/OVMF_CODE.fd</value>
              <enum name='type'>
                <value>rom</value>
                <value>pflash</value>
              </enum>
              <enum name='secure'>
                <value>yes</value>
                <value>no</value>
              </enum>
            </loader>
          </os>
          <cpu>
            <mode name='host-passthrough' supported='yes'>
              <enum name='hostPassthroughMigratable'>
                <value>on</value>
                <value>off</value>
              </enum>
            </mode>
            <mode name='maximum' supported='no'/>
            <mode name='host-model' supported='yes'>
              <model fallback='forbid'>Skylake-Client-IBRS</model>
              <vendor>Intel</vendor>
              <feature policy='require' name='vmx'/>
              <feature policy='disable' name='mpx'/>
            </mode>
            <mode name='custom' supported='yes'>
              <model usable='yes' vendor='Intel'>Skylake-Client</model>
              <model usable='no' deprecated='yes' vendor='Intel'>Icelake-Client</model>
              <model usable='unknown' vendor='unknown'>qemu64</model>
              <model vendor='AMD'>EPYC</model>
            </mode>
          </cpu>
          <devices>
            <disk supported='yes'>
              <enum name='diskDevice'>
                <value>disk</value>
                <value>cdrom</value>
                <value>floppy</value>
                <value>lun</value>
              </enum>
              <enum name='bus'>
                <value>scsi</value>
                <value>virtio</value>
              </enum>
            </disk>
            <graphics supported='yes'>
              <enum name='type'>
                <value>vnc</value>
                <value>spice</value>
              </enum>
            </graphics>
            <hostdev supported='yes'>
              <enum name='subsysType'>
                <value>usb</value>
                <value>pci</value>
                <value>scsi</value>
              </enum>
              <enum name='capsType'/>
            </hostdev>
            <crypto supported='no'/>
          </devices>
          <features>
            <gic supported='no'/>
            <vmcoreinfo supported='yes'/>
            <genid supported='yes'/>
            <sev supported='no'/>
            <hyperv supported='yes'>
              <enum name='features'>
                <value>spinlocks</value>
              </enum>
            </hyperv>
            <futurething/>
          </features>
        </domainCapabilities>
        """;

    private static DomainCapabilitiesXml Caps() => DomainCapabilitiesXml.Parse(Sample);

    [Test]
    public void Reads_the_header()
    {
        var caps = Caps();

        Assert.That((caps.Path, caps.Domain, caps.Machine, caps.Arch, caps.VcpuMax, caps.IothreadsSupported), Is.EqualTo(("/usr/bin/qemu-system-x86_64", "kvm", "pc-q35-7.2", "x86_64", (int?)288, (bool?)true)));
    }

    [Test]
    public void Reads_os_firmware_and_loaders()
    {
        var os = Caps().Os!;

        Assert.That(os.Supported, Is.True);
        Assert.That(os.Firmwares, Is.EqualTo(new[] { "bios", "efi" }));
        Assert.That(os.LoaderSupported, Is.True);
        Assert.That(os.LoaderValues, Is.EqualTo(new[] { "/usr/share/OVMF/OVMF_CODE.fd" }));
        Assert.That(os.LoaderTypes, Is.EqualTo(new[] { "rom", "pflash" }));
        Assert.That(os.LoaderSecure, Is.EqualTo(new[] { "yes", "no" }));
        Assert.That(os.GetEnum("firmware"), Is.EqualTo(os.Firmwares));
    }

    [Test]
    public void Reads_device_enums_by_name_and_by_path()
    {
        var caps = Caps();

        Assert.That(caps.DiskDevices, Is.EqualTo(new[] { "disk", "cdrom", "floppy", "lun" }));
        Assert.That(caps.DiskBuses, Is.EqualTo(new[] { "scsi", "virtio" }));
        Assert.That(caps.HostdevSubsystemTypes, Is.EqualTo(new[] { "usb", "pci", "scsi" }));
        Assert.That(caps.GraphicsTypes, Is.EqualTo(new[] { "vnc", "spice" }));
        Assert.That(caps.GetEnum("disk", "bus"), Is.EqualTo(caps.DiskBuses));
        Assert.That(caps.GetEnum("os/loader", "type"), Is.EqualTo(new[] { "rom", "pflash" }));
        Assert.That(caps.GetEnum("features/hyperv", "features"), Is.EqualTo(new[] { "spinlocks" }));
        Assert.That(caps.GetEnum("devices/hostdev", "capsType"), Is.Empty);
        Assert.That(caps.GetEnum("devices/video", "modelType"), Is.Empty);
        Assert.That(caps.GetEnum("devices/disk", "nosuch"), Is.Empty);
    }

    [Test]
    public void Lists_devices_and_their_support()
    {
        var caps = Caps();

        Assert.That(caps.Devices.Select(d => (d.Name, d.Supported)), Is.EqualTo(new[] { ("disk", true), ("graphics", true), ("hostdev", true), ("crypto", false) }));
        Assert.That(caps.FindDevice("hostdev")!.EnumNames, Is.EqualTo(new[] { "subsysType", "capsType" }));
        Assert.That(caps.FindDevice("disk")!.GetEnum("diskDevice"), Does.Contain("lun"));
        Assert.That(caps.FindDevice("tpm"), Is.Null);
    }

    [Test]
    public void Reads_features_and_their_support()
    {
        var caps = Caps();

        Assert.That(caps.Features.Select(f => (f.Name, f.Supported)), Is.EqualTo(new[] { ("gic", false), ("vmcoreinfo", true), ("genid", true), ("sev", false), ("hyperv", true), ("futurething", false) }));
        Assert.That(caps.IsFeatureSupported("genid"), Is.True);
        Assert.That(caps.IsFeatureSupported("sev"), Is.False);
        Assert.That(caps.IsFeatureSupported("sgx"), Is.False);
        Assert.That(caps.Features.Single(f => f.Name == "hyperv").GetEnum("features"), Is.EqualTo(new[] { "spinlocks" }));
    }

    [Test]
    public void Writing_back_changes_nothing_and_clone_is_independent()
    {
        var caps = Caps();
        var clone = caps.Clone();
        clone.Element.Element("cpu")!.Remove();

        Assert.That(caps.ToXmlString(), Is.EqualTo(Sample));
        Assert.That(clone.Cpu, Is.Null);
        Assert.That(caps.Cpu, Is.Not.Null);
    }

    [Test]
    public void Missing_parts_read_as_null_or_empty()
    {
        var caps = DomainCapabilitiesXml.Parse("<domainCapabilities><path>/x</path></domainCapabilities>");

        Assert.That((caps.Domain, caps.VcpuMax, caps.IothreadsSupported, caps.Os, caps.Cpu), Is.EqualTo(((string?)null, (int?)null, (bool?)null, (DomainCapabilitiesOs?)null, (DomainCapabilitiesCpu?)null)));
        Assert.That(caps.Devices, Is.Empty);
        Assert.That(caps.Features, Is.Empty);
        Assert.That(caps.DiskBuses, Is.Empty);
    }

    [Test]
    public void Malformed_values_fail_on_read_naming_the_path()
    {
        var caps = DomainCapabilitiesXml.Parse("<domainCapabilities><vcpu max='many'/><os supported='sure'/><devices><disk supported='1'/></devices><features><sev supported='?'/></features></domainCapabilities>");

        var e = Assert.Throws<LibvirtXmlValueException>(() => _ = caps.VcpuMax)!;
        Assert.That((e.ElementPath, e.AttributeName), Is.EqualTo(("/domainCapabilities/vcpu", "max")));
        Assert.That(Assert.Throws<LibvirtXmlValueException>(() => _ = caps.Os!.Supported)!.ElementPath, Is.EqualTo("/domainCapabilities/os"));
        Assert.That(Assert.Throws<LibvirtXmlValueException>(() => _ = caps.Devices[0].Supported)!.ElementPath, Is.EqualTo("/domainCapabilities/devices/disk"));
        Assert.Throws<LibvirtXmlValueException>(() => caps.IsFeatureSupported("sev"));
    }

    [Test]
    public void Load_reads_files_and_streams()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lvn-domcaps-{Guid.NewGuid():N}.xml");
        try
        {
            File.WriteAllText(path, Sample);
            using var stream = File.OpenRead(path);
            Assert.That(DomainCapabilitiesXml.Load(path).Machine, Is.EqualTo("pc-q35-7.2"));
            Assert.That(DomainCapabilitiesXml.Load(stream).Arch, Is.EqualTo("x86_64"));
            Assert.Throws<LibvirtXmlParseException>(() => DomainCapabilitiesXml.Parse("<capabilities/>"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
