using LibvirtNested.Testing;
using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain;

[TestFixture]
public sealed class DomainBuilderTests
{
    private const string Iso = "/var/lib/libvirt/images/debian-12.5.0-amd64-netinst.iso";

    /// <summary>virt-install -n nested-L2 -r 16000 --vcpus=4 -l ISO --disk path=/dev/sda2 -w network=nested-bridge</summary>
    private static DomainBuilder Walkthrough() => new DomainBuilder("nested-L2")
        .WithMemory("16000")
        .WithVcpus(4)
        .WithInstallIso(Iso)
        .WithBlockDisk("/dev/sda2")
        .WithNetwork("nested-bridge");

    [Test]
    public void Builds_the_walkthrough_guest()
    {
        var domain = Walkthrough().Build();
        Assert.Multiple(() =>
        {
            Assert.That(domain.Type, Is.EqualTo("kvm"));
            Assert.That(domain.Name, Is.EqualTo("nested-L2"));
            Assert.That(domain.MemoryBytes, Is.EqualTo(16000UL * 1024 * 1024));
            Assert.That(domain.CurrentMemoryBytes, Is.EqualTo(16000UL * 1024 * 1024));
            Assert.That(domain.Vcpu!.Count, Is.EqualTo(4));
            Assert.That((domain.Os!.Type, domain.Os.Arch, domain.Os.Machine), Is.EqualTo(("hvm", "x86_64", "q35")));
            Assert.That(domain.Features!.Names, Is.EqualTo(new[] { "acpi", "apic" }));
            Assert.That(domain.Cpu, Is.Null);
            var disks = domain.Devices.Disks;
            Assert.That(disks.Select(d => (d.Device?.Value, d.Target?.Dev, d.Target?.Bus?.Value, d.BootOrder)), Is.EqualTo(new[] { ("cdrom", "sda", "sata", (int?)1), ("disk", "vda", "virtio", 2) }));
            Assert.That(disks[0].Source!.File, Is.EqualTo(Iso));
            Assert.That(disks[1].Source!.Dev, Is.EqualTo("/dev/sda2"));
            Assert.That(domain.Devices.Interfaces.Single().Source!.Network, Is.EqualTo("nested-bridge"));
            Assert.That(domain.Devices.OfType<DomainSerial>().Single().Type, Is.EqualTo("pty"));
            Assert.That(domain.Devices.OfType<DomainConsole>().Single().TargetType, Is.EqualTo("serial"));
        });
        Snapshot.Verify(domain.ToXmlString());
        Assert.That(RelaxNg.Validate("domain", domain.ToXmlString()), Is.Null);
    }

    [Test]
    public void Builds_an_image_file_guest_with_host_passthrough_and_a_fixed_uuid()
    {
        var domain = new DomainBuilder("nested-L2-image")
            .WithMemory(8UL << 30)
            .WithVcpus(2)
            .WithInstallIso(Iso)
            .WithImageDisk("/var/lib/libvirt/images/nested-L2.qcow2")
            .WithNetwork("nested-bridge", mac: "52:54:00:6c:00:02")
            .WithHostPassthrough(migratableCpu: false)
            .WithUuid(Guid.Parse("8d1f4b1e-52a3-4c1b-9d7e-2f6a0c9e3b10"))
            .Build();
        Assert.That(domain.Cpu!.Element.Attribute("mode")?.Value, Is.EqualTo("host-passthrough"));
        Assert.That(domain.Uuid, Is.EqualTo(Guid.Parse("8d1f4b1e-52a3-4c1b-9d7e-2f6a0c9e3b10")));
        Assert.That(domain.Devices.Disks[1].Driver!.Type, Is.EqualTo("qcow2"));
        Snapshot.Verify(domain.ToXmlString());
        Assert.That(RelaxNg.Validate("domain", domain.ToXmlString()), Is.Null);
    }

    [Test]
    public void Without_an_iso_the_first_disk_boots_first_and_options_apply()
    {
        var domain = new DomainBuilder("plain")
            .WithType("qemu")
            .WithMachine("x86_64", "pc-q35-7.2")
            .WithMemory("2G")
            .WithImageDisk("/images/a.raw", "raw")
            .WithBlockDisk("/dev/vg/data", "scsi")
            .WithSerialConsole(false)
            .Build();
        Assert.That(domain.Type, Is.EqualTo("qemu"));
        Assert.That(domain.Os!.Machine, Is.EqualTo("pc-q35-7.2"));
        Assert.That(domain.MemoryBytes, Is.EqualTo(2UL << 30));
        Assert.That(domain.Vcpu!.Count, Is.EqualTo(1));
        Assert.That(domain.Devices.Disks.Select(d => (d.Target?.Dev, d.BootOrder)), Is.EqualTo(new[] { ("vda", (int?)1), ("sda", 2) }));
        Assert.That(domain.Devices.Controllers.Single().Model, Is.EqualTo(DomainControllerModel.VirtioScsi));
        Assert.That(domain.Devices.OfType<DomainCharDevice>(), Is.Empty);
        Assert.That(RelaxNg.Validate("domain", domain.ToXmlString()), Is.Null);
    }

    [Test]
    public void Build_returns_a_new_document_each_time()
    {
        var builder = Walkthrough();
        var first = builder.Build();
        var second = builder.Build();
        Assert.That(second, Is.Not.SameAs(first));
        Assert.That(second.ToXmlString(), Is.EqualTo(first.ToXmlString()));
    }

    [TestCase("")]
    [TestCase("  ")]
    [TestCase("nested/L2")]
    public void Refuses_a_bad_name(string name) =>
        Assert.That(() => new DomainBuilder(name), Throws.ArgumentException.With.Property("ParamName").EqualTo("name"));

    [Test]
    public void Refuses_bad_values_naming_them()
    {
        var builder = new DomainBuilder("x");
        Assert.Multiple(() =>
        {
            Assert.That(() => new DomainBuilder(null!), Throws.ArgumentNullException);
            Assert.That(() => builder.WithMemory(0UL), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => builder.WithMemory("0"), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("'0'"));
            Assert.That(() => builder.WithMemory("lots"), Throws.ArgumentException.With.Message.Contains("'lots'").And.Property("ParamName").EqualTo("size"));
            Assert.That(() => builder.WithMemory("16 parsecs"), Throws.ArgumentException.With.Message.Contains("parsecs"));
            Assert.That(() => builder.WithVcpus(0), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("0 vCPUs"));
            Assert.That(() => builder.WithInstallIso("debian.iso"), Throws.ArgumentException.With.Message.Contains("'debian.iso'"));
            Assert.That(() => builder.WithBlockDisk("sda2"), Throws.ArgumentException.With.Message.Contains("'sda2'"));
            Assert.That(() => builder.WithBlockDisk("/dev/sda2", "warp"), Throws.ArgumentException.With.Message.Contains("'warp'"));
            Assert.That(() => builder.WithImageDisk("", "raw"), Throws.ArgumentException.With.Property("ParamName").EqualTo("path"));
            Assert.That(() => builder.WithImageDisk("/a.img", " "), Throws.ArgumentException.With.Property("ParamName").EqualTo("format"));
            Assert.That(() => builder.WithNetwork(""), Throws.ArgumentException.With.Property("ParamName").EqualTo("networkName"));
            Assert.That(() => builder.WithNetwork("n", mac: "52:54:00"), Throws.ArgumentException.With.Message.Contains("'52:54:00'"));
            Assert.That(() => builder.WithUuid(Guid.Empty), Throws.ArgumentException);
            Assert.That(() => builder.WithType(""), Throws.ArgumentException);
            Assert.That(() => builder.WithMachine("x86_64", ""), Throws.ArgumentException);
        });
    }

    [Test]
    public void Refuses_a_repeated_mac()
    {
        var builder = new DomainBuilder("x").WithNetwork("a", mac: "52:54:00:00:00:01");
        Assert.That(() => builder.WithNetwork("b", mac: "52:54:00:00:00:01"), Throws.ArgumentException.With.Message.Contains("already given"));
    }

    [Test]
    public void Build_needs_a_memory_size() =>
        Assert.That(() => new DomainBuilder("nested-L2").Build(), Throws.InvalidOperationException.With.Message.Contains("WithMemory"));
}
