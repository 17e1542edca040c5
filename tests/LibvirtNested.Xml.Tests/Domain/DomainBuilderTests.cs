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
        .WithMemory(DataSize.FromMebibytes(16000))
        .WithVcpus(4)
        .WithCdrom(Iso)
        .WithBlockDisk("/dev/sda2")
        .WithNetworkInterface("nested-bridge");

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
            .WithMemory(DataSize.FromGibibytes(8))
            .WithVcpus(2)
            .WithCdrom(Iso)
            .WithFileDisk("/var/lib/libvirt/images/nested-L2.qcow2")
            .WithNetworkInterface("nested-bridge", macAddress: "52:54:00:6c:00:02")
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
            .WithMemory(DataSize.Parse("2G"))
            .WithFileDisk("/images/a.raw", "raw")
            .WithBlockDisk("/dev/vg/data", DomainDiskBus.Scsi)
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
    [TestCase("nested\nL2")]
    [TestCase("nested-L2\n")]
    [TestCase("nested\0L2")]
    [TestCase("nested\uFFFEL2")]
    public void Refuses_a_bad_name(string name) =>
        Assert.That(() => new DomainBuilder(name), Throws.TypeOf<LibvirtXmlValueException>().With.Property("ParameterName").EqualTo("name").And.Property("Datatype").EqualTo("objectName"));

    [Test]
    public void Refuses_a_name_with_a_lone_surrogate()
    {
        // Built at run time: a lone surrogate does not survive a [TestCase] attribute's metadata.
        var name = "nested" + (char)0xD800 + "L2";
        Assert.That(() => new DomainBuilder(name), Throws.TypeOf<LibvirtXmlValueException>().With.Message.Contains("lone surrogate"));
    }

    [Test]
    public void Refuses_bad_values_naming_them()
    {
        var builder = new DomainBuilder("x");
        Assert.Multiple(() =>
        {
            Assert.That(() => new DomainBuilder(null!), Throws.ArgumentNullException);
            Assert.That(() => builder.WithMemory(DataSize.FromBytes(0)), Throws.TypeOf<LibvirtXmlValueException>().With.Property("ParameterName").EqualTo("size"));
            Assert.That(() => builder.WithVcpus(0), Throws.TypeOf<LibvirtXmlValueException>().With.Property("Datatype").EqualTo("countCPU"));
            Assert.That(() => builder.WithVcpus(65536), Throws.TypeOf<LibvirtXmlValueException>().With.Message.Contains("'65536'"));
            Assert.That(() => builder.WithCdrom("debian.iso"), Throws.TypeOf<LibvirtXmlValueException>().With.Message.Contains("'debian.iso'"));
            Assert.That(() => builder.WithCdrom("/"), Throws.TypeOf<LibvirtXmlValueException>().With.Property("Datatype").EqualTo("absFilePath"));
            Assert.That(() => builder.WithBlockDisk("sda2"), Throws.TypeOf<LibvirtXmlValueException>().With.Message.Contains("'sda2'"));
            Assert.That(() => builder.WithBlockDisk("/dev/sda2\n"), Throws.TypeOf<LibvirtXmlValueException>().With.Message.Contains("'/dev/sda2\\n'"));
            Assert.That(() => builder.WithBlockDisk("/dev/sda2", new DomainDiskBus("warp")), Throws.TypeOf<LibvirtXmlValueException>().With.Message.Contains("'warp'"));
            Assert.That(() => builder.WithFileDisk("", "raw"), Throws.TypeOf<LibvirtXmlValueException>().With.Property("ParameterName").EqualTo("path"));
            Assert.That(() => builder.WithFileDisk("/a.img", " "), Throws.TypeOf<LibvirtXmlValueException>().With.Property("ParameterName").EqualTo("format"));
            Assert.That(() => builder.WithFileDisk("/a.img", "qcow2 "), Throws.TypeOf<LibvirtXmlValueException>().With.Property("Datatype").EqualTo("storageFormat"));
            Assert.That(() => builder.WithNetworkInterface(""), Throws.TypeOf<LibvirtXmlValueException>().With.Property("ParameterName").EqualTo("networkName"));
            Assert.That(() => builder.WithNetworkInterface("n", "e1000 <x>"), Throws.TypeOf<LibvirtXmlValueException>().With.Property("ParameterName").EqualTo("model"));
            Assert.That(() => builder.WithNetworkInterface("n", macAddress: "52:54:00"), Throws.TypeOf<LibvirtXmlValueException>().With.Message.Contains("'52:54:00'"));
            Assert.That(() => builder.WithUuid(Guid.Empty), Throws.TypeOf<LibvirtXmlValueException>());
            Assert.That(() => builder.WithType(""), Throws.TypeOf<LibvirtXmlValueException>());
            Assert.That(() => builder.WithMachine("x86_64", ""), Throws.TypeOf<LibvirtXmlValueException>());
            Assert.That(() => builder.WithMachine("x86_64", "pc q35"), Throws.TypeOf<LibvirtXmlValueException>().With.Property("Datatype").EqualTo("machine"));
            Assert.That(() => builder.WithMachine("x86_64\n", "q35"), Throws.TypeOf<LibvirtXmlValueException>().With.Property("ParameterName").EqualTo("architecture"));
        });
    }

    [Test]
    public void Refuses_a_repeated_mac()
    {
        var builder = new DomainBuilder("x").WithNetworkInterface("a", macAddress: "52:54:00:00:00:01");
        Assert.That(() => builder.WithNetworkInterface("b", macAddress: "52:54:00:00:00:01"), Throws.ArgumentException.With.Message.Contains("already given"));
    }

    [Test]
    public void Build_needs_a_memory_size() =>
        Assert.That(() => new DomainBuilder("nested-L2").Build(), Throws.InvalidOperationException.With.Message.Contains("WithMemory"));
}
