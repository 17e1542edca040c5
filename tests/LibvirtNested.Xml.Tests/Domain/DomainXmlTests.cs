using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain;

[TestFixture]
public sealed class DomainXmlTests
{
    private const string Sample = """
        <domain type='kvm'>
          <name>demo</name>
          <uuid>C7A5FDBD-EDAF-9455-926A-D65C16DB1809</uuid>
          <title>A demo</title>
          <description>Longer text</description>
          <metadata>
            <app1:foo xmlns:app1='http://app1.org/app1/'>fooish</app1:foo>
          </metadata>
          <maxMemory slots='16' unit='KiB'>1524288</maxMemory>
          <memory unit='GiB'>4</memory>
          <currentMemory>1048576</currentMemory>
          <vcpu placement='static'>2</vcpu>
          <os>
            <type arch='x86_64' machine='q35'>hvm</type>
          </os>
          <clock offset='utc'/>
          <on_poweroff>destroy</on_poweroff>
          <on_reboot>restart</on_reboot>
          <on_crash>coredump-restart</on_crash>
          <devices/>
        </domain>
        """;

    [Test]
    public void Reads_identity_elements()
    {
        var domain = DomainXml.Parse(Sample);
        Assert.Multiple(() =>
        {
            Assert.That(domain.Type, Is.EqualTo("kvm"));
            Assert.That(domain.Name, Is.EqualTo("demo"));
            Assert.That(domain.Uuid, Is.EqualTo(Guid.Parse("c7a5fdbd-edaf-9455-926a-d65c16db1809")));
            Assert.That(domain.Title, Is.EqualTo("A demo"));
            Assert.That(domain.Description, Is.EqualTo("Longer text"));
            Assert.That(domain.Metadata?.Elements().Single().Name.LocalName, Is.EqualTo("foo"));
        });
    }

    [Test]
    public void Reads_memory_in_its_units()
    {
        var domain = DomainXml.Parse(Sample);
        Assert.Multiple(() =>
        {
            Assert.That(domain.MemoryBytes, Is.EqualTo(4UL << 30));
            Assert.That(domain.CurrentMemoryBytes, Is.EqualTo(1048576UL * 1024), "no unit means KiB");
            Assert.That(domain.MaxMemoryBytes, Is.EqualTo(1524288UL * 1024));
            Assert.That(domain.MaxMemorySlots, Is.EqualTo(16));
        });
    }

    [TestCase("1000", "KB", 1_000_000UL)]
    [TestCase("3", "MB", 3_000_000UL)]
    [TestCase("2", "G", 2UL << 30)]
    [TestCase("512", "MiB", 512UL << 20)]
    [TestCase("4096", "bytes", 4096UL)]
    [TestCase("7", "b", 7UL)]
    public void Memory_units_are_converted(string value, string unit, ulong bytes)
    {
        var domain = DomainXml.Parse($"<domain><memory unit='{unit}'>{value}</memory></domain>");
        Assert.That(domain.MemoryBytes, Is.EqualTo(bytes));
    }

    [Test]
    public void Memory_setter_writes_the_largest_exact_binary_unit_and_keeps_other_attributes()
    {
        var domain = DomainXml.Parse("<domain><memory dumpCore='off' unit='KiB'>1048576</memory></domain>");
        domain.MemoryBytes = 16UL << 30;
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain><memory dumpCore='off' unit='GiB'>16</memory></domain>"));
        domain.MemoryBytes = 1500;
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain><memory dumpCore='off' unit='bytes'>1500</memory></domain>"));
    }

    [Test]
    public void Null_removes_memory_elements_and_slots()
    {
        var domain = DomainXml.Parse(Sample);
        domain.MaxMemorySlots = null;
        Assert.That(domain.Element.Element("maxMemory")!.Attribute("slots"), Is.Null);
        domain.MaxMemoryBytes = null;
        domain.CurrentMemoryBytes = null;
        Assert.Multiple(() =>
        {
            Assert.That(domain.MaxMemoryBytes, Is.Null);
            Assert.That(domain.MaxMemorySlots, Is.Null);
            Assert.That(domain.CurrentMemoryBytes, Is.Null);
            Assert.That(domain.Element.Element("maxMemory"), Is.Null);
            Assert.That(domain.ToXmlString(), Does.Contain("  <memory unit='GiB'>4</memory>\n  <vcpu placement='static'>2</vcpu>"));
        });
    }

    [TestCase("<memory>abc</memory>", "/domain/memory", null)]
    [TestCase("<memory unit='parsecs'>1</memory>", "/domain/memory", "unit")]
    [TestCase("<memory unit='EiB'>16</memory>", "/domain/memory", null)]
    [TestCase("<memory>-1</memory>", "/domain/memory", null)]
    public void Malformed_memory_parses_but_the_property_names_the_element(string memory, string path, string? attribute)
    {
        var domain = DomainXml.Parse($"<domain>{memory}</domain>");
        var error = Assert.Throws<LibvirtXmlValueException>(() => _ = domain.MemoryBytes);
        Assert.Multiple(() =>
        {
            Assert.That(error!.ElementPath, Is.EqualTo(path));
            Assert.That(error.AttributeName, Is.EqualTo(attribute));
            Assert.That(error.Message, Does.Contain(path));
        });
    }

    [Test]
    public void Malformed_slots_and_uuid_throw_value_exceptions()
    {
        var domain = DomainXml.Parse("<domain><uuid>not-a-uuid</uuid><maxMemory slots='many'>1</maxMemory></domain>");
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<LibvirtXmlValueException>(() => _ = domain.Uuid)!.ElementPath, Is.EqualTo("/domain/uuid"));
            Assert.That(Assert.Throws<LibvirtXmlValueException>(() => _ = domain.MaxMemorySlots)!.AttributeName, Is.EqualTo("slots"));
        });
    }

    [TestCase("c7a5fdbdedaf9455926ad65c16db1809")]
    [TestCase(" c7a5fdbd-edaf-9455-926a-d65c16db1809 ")]
    [TestCase("c7a5fdbd-edaf-9455926a-d65c16db-1809")]
    public void Uuid_is_read_as_libvirt_reads_it(string text)
    {
        var domain = DomainXml.Parse($"<domain><uuid>{text}</uuid></domain>");
        Assert.That(domain.Uuid, Is.EqualTo(Guid.Parse("c7a5fdbd-edaf-9455-926a-d65c16db1809")));
    }

    [Test]
    public void Uuid_is_written_lowercase_and_hyphenated()
    {
        var domain = DomainXml.Parse(Sample);
        domain.Uuid = Guid.Parse("4DEA22B3-1D52-D8F3-2516-782E98AB3FA0");
        Assert.That(domain.Element.Element("uuid")!.Value, Is.EqualTo("4dea22b3-1d52-d8f3-2516-782e98ab3fa0"));
        domain.Uuid = null;
        Assert.That(domain.Element.Element("uuid"), Is.Null);
    }

    [Test]
    public void Setters_on_an_empty_document_place_elements_in_libvirt_order()
    {
        var domain = DomainXml.Create();
        domain.OnPoweroff = DomainLifecycleAction.Destroy;
        domain.MemoryBytes = 2UL << 30;
        domain.Uuid = Guid.Parse("4dea22b3-1d52-d8f3-2516-782e98ab3fa0");
        domain.GetOrAddCpu().Mode = DomainCpuMode.HostPassthrough;
        domain.GetOrAddOs().Type = "hvm";
        domain.GetOrAddVcpu().Count = 2;
        domain.Name = "new";
        domain.Description = "d";
        domain.Title = "t";
        domain.CurrentMemoryBytes = 1UL << 30;
        domain.GetOrAddMetadata();
        domain.GetOrAddFeatures().Add(DomainFeatures.Acpi);
        domain.GetOrAddClock().Offset = DomainClockOffset.Utc;
        domain.OnCrash = DomainLifecycleAction.Restart;
        domain.OnReboot = DomainLifecycleAction.Restart;
        domain.MaxMemoryBytes = 4UL << 30;
        domain.MaxMemorySlots = 2;
        Assert.That(domain.Element.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[]
        {
            "name", "uuid", "title", "description", "metadata", "maxMemory", "memory", "currentMemory", "vcpu", "os",
            "features", "cpu", "clock", "on_poweroff", "on_reboot", "on_crash",
        }));
        Assert.That(RelaxNgOrNull(domain), Is.Null);
    }

    [Test]
    public void Reads_and_writes_lifecycle_actions_including_unknown_ones()
    {
        var domain = DomainXml.Parse(Sample);
        Assert.Multiple(() =>
        {
            Assert.That(domain.OnPoweroff, Is.EqualTo(DomainLifecycleAction.Destroy));
            Assert.That(domain.OnReboot, Is.EqualTo(DomainLifecycleAction.Restart));
            Assert.That(domain.OnCrash, Is.EqualTo(DomainLifecycleAction.CoredumpRestart));
        });
        domain.OnCrash = new DomainLifecycleAction("future-action");
        domain.OnReboot = null;
        Assert.Multiple(() =>
        {
            Assert.That(domain.OnCrash?.Value, Is.EqualTo("future-action"));
            Assert.That(domain.OnReboot, Is.Null);
            Assert.That(domain.ToXmlString(), Does.Contain("<on_poweroff>destroy</on_poweroff>\n  <on_crash>future-action</on_crash>\n"));
        });
    }

    [Test]
    public void Sections_are_null_when_absent_and_get_or_add_reuses_existing_ones()
    {
        var empty = DomainXml.Create();
        Assert.Multiple(() =>
        {
            Assert.That(empty.Vcpu, Is.Null);
            Assert.That(empty.Os, Is.Null);
            Assert.That(empty.Features, Is.Null);
            Assert.That(empty.Cpu, Is.Null);
            Assert.That(empty.Clock, Is.Null);
            Assert.That(empty.Metadata, Is.Null);
            Assert.That(empty.MemoryBytes, Is.Null);
            Assert.That(empty.Uuid, Is.Null);
        });
        var domain = DomainXml.Parse(Sample);
        Assert.Multiple(() =>
        {
            Assert.That(domain.GetOrAddOs().Element, Is.SameAs(domain.Os!.Element));
            Assert.That(domain.GetOrAddVcpu().Element, Is.SameAs(domain.Vcpu!.Element));
            Assert.That(domain.GetOrAddClock().Element, Is.SameAs(domain.Clock!.Element));
            Assert.That(domain.GetOrAddMetadata(), Is.SameAs(domain.Metadata));
        });
    }

    [Test]
    public void Get_or_add_cpu_goes_after_features_or_after_os_and_vcpu_or_at_the_end()
    {
        var withFeatures = DomainXml.Parse("<domain>\n  <vcpu>1</vcpu>\n  <os/>\n  <features/>\n  <clock/>\n</domain>");
        withFeatures.GetOrAddCpu();
        Assert.That(withFeatures.ToXmlString(), Is.EqualTo("<domain>\n  <vcpu>1</vcpu>\n  <os/>\n  <features/>\n  <cpu/>\n  <clock/>\n</domain>"));

        var withVcpu = DomainXml.Parse("<domain>\n  <memory>1</memory>\n  <vcpu>1</vcpu>\n  <devices/>\n</domain>");
        withVcpu.GetOrAddCpu();
        Assert.That(withVcpu.ToXmlString(), Is.EqualTo("<domain>\n  <memory>1</memory>\n  <vcpu>1</vcpu>\n  <cpu/>\n  <devices/>\n</domain>"));

        var unknownOnly = DomainXml.Parse("<domain>\n  <x/>\n</domain>");
        unknownOnly.GetOrAddCpu();
        Assert.That(unknownOnly.ToXmlString(), Is.EqualTo("<domain>\n  <x/>\n  <cpu/>\n</domain>"));
    }

    private static string? RelaxNgOrNull(DomainXml domain) => LibvirtNested.Testing.RelaxNg.Validate("domain", domain.ToXmlString());
}
