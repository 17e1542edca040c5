using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain;

[TestFixture]
public sealed class DomainOsTests
{
    private const string Efi = """
        <domain>
          <os firmware='efi'>
            <type arch='x86_64' machine='q35'>hvm</type>
            <loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader>
            <nvram>/var/lib/libvirt/qemu/nvram/demo_VARS.fd</nvram>
            <boot dev='hd'/>
            <boot dev='cdrom'/>
            <bootmenu enable='yes'/>
          </os>
        </domain>
        """;

    [Test]
    public void Reads_type_firmware_loader_and_boot_order()
    {
        var os = DomainXml.Parse(Efi).Os!;
        Assert.Multiple(() =>
        {
            Assert.That(os.Type, Is.EqualTo("hvm"));
            Assert.That(os.Arch, Is.EqualTo("x86_64"));
            Assert.That(os.Machine, Is.EqualTo("q35"));
            Assert.That(os.Firmware, Is.EqualTo(DomainOsFirmware.Efi));
            Assert.That(os.Loader, Is.EqualTo("/usr/share/OVMF/OVMF_CODE.fd"));
            Assert.That(os.LoaderReadOnly, Is.True);
            Assert.That(os.LoaderType, Is.EqualTo(DomainOsLoaderType.Pflash));
            Assert.That(os.BootDevices, Is.EqualTo(new[] { "hd", "cdrom" }));
            Assert.That(os.Kernel, Is.Null);
        });
    }

    [Test]
    public void Reads_direct_kernel_boot()
    {
        var os = DomainXml.Parse("<domain><os><type>hvm</type><kernel>/boot/vmlinuz</kernel><initrd>/boot/initrd.img</initrd><cmdline>console=ttyS0</cmdline></os></domain>").Os!;
        Assert.Multiple(() =>
        {
            Assert.That(os.Kernel, Is.EqualTo("/boot/vmlinuz"));
            Assert.That(os.Initrd, Is.EqualTo("/boot/initrd.img"));
            Assert.That(os.Cmdline, Is.EqualTo("console=ttyS0"));
            Assert.That(os.Arch, Is.Null);
            Assert.That(os.LoaderReadOnly, Is.Null);
            Assert.That(os.LoaderType, Is.Null);
        });
    }

    [Test]
    public void Set_boot_devices_replaces_them_in_place()
    {
        var domain = DomainXml.Parse(Efi);
        domain.Os!.SetBootDevices("network", "hd", "cdrom");
        Assert.That(domain.ToXmlString(), Does.Contain(
            "    <nvram>/var/lib/libvirt/qemu/nvram/demo_VARS.fd</nvram>\n" +
            "    <boot dev='network'/>\n" +
            "    <boot dev='hd'/>\n" +
            "    <boot dev='cdrom'/>\n" +
            "    <bootmenu enable='yes'/>\n"));
        domain.Os.SetBootDevices();
        Assert.Multiple(() =>
        {
            Assert.That(domain.Os.BootDevices, Is.Empty);
            Assert.That(domain.ToXmlString(), Does.Contain("</nvram>\n    <bootmenu enable='yes'/>\n"));
            Assert.That(() => domain.Os.SetBootDevices("hd", ""), Throws.ArgumentException);
        });
    }

    [Test]
    public void A_new_os_is_built_in_libvirt_order()
    {
        var domain = DomainXml.Parse("<domain>\n  <name>x</name>\n  <devices/>\n</domain>");
        var os = domain.GetOrAddOs();
        os.SetBootDevices("hd");
        os.Cmdline = "console=ttyS0";
        os.Kernel = "/boot/vmlinuz";
        os.LoaderType = DomainOsLoaderType.Rom;
        os.Machine = "q35";
        os.Type = "hvm";
        os.Arch = "x86_64";
        os.Firmware = DomainOsFirmware.Bios;
        Assert.That(domain.ToXmlString(), Is.EqualTo("""
            <domain>
              <name>x</name>
              <os firmware='bios'>
                <type machine='q35' arch='x86_64'>hvm</type>
                <loader type='rom'/>
                <kernel>/boot/vmlinuz</kernel>
                <cmdline>console=ttyS0</cmdline>
                <boot dev='hd'/>
              </os>
              <devices/>
            </domain>
            """));
    }

    [Test]
    public void Null_removes_elements_and_attributes()
    {
        var domain = DomainXml.Parse(Efi);
        var os = domain.Os!;
        os.LoaderReadOnly = null;
        os.LoaderType = null;
        Assert.That(os.Loader, Is.EqualTo("/usr/share/OVMF/OVMF_CODE.fd"));
        os.Loader = null;
        os.Firmware = null;
        os.Machine = null;
        os.Arch = null;
        Assert.That(domain.ToXmlString(), Does.StartWith("<domain>\n  <os>\n    <type>hvm</type>\n    <nvram>"));
        os.Type = null;
        Assert.That(os.Type, Is.Null);
    }

    [Test]
    public void Unknown_loader_type_round_trips_and_malformed_readonly_throws()
    {
        var domain = DomainXml.Parse("<domain><os><loader readonly='maybe' type='nor'>/x</loader></os></domain>");
        Assert.Multiple(() =>
        {
            Assert.That(domain.Os!.LoaderType?.Value, Is.EqualTo("nor"));
            var error = Assert.Throws<LibvirtXmlValueException>(() => _ = domain.Os.LoaderReadOnly)!;
            Assert.That(error.ElementPath, Is.EqualTo("/domain/os/loader"));
            Assert.That(error.AttributeName, Is.EqualTo("readonly"));
        });
    }
}
