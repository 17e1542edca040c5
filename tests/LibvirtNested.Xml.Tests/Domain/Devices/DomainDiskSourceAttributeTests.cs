using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain.Devices;

/// <summary>
/// Each typed member writes libvirt's own attribute name or value (survivors of a Stryker run on the edit engine:
/// a misspelt attribute or address type compiled, round-tripped through its own reader and passed every other test).
/// </summary>
[TestFixture]
public sealed class DomainDiskSourceAttributeTests
{
    private static readonly (Action<DomainDiskSource> Set, string Attribute)[] Setters =
    [
        (s => s.Dev = "v", "dev"),
        (s => s.Dir = "v", "dir"),
        (s => s.Pool = "v", "pool"),
        (s => s.Volume = "v", "volume"),
        (s => s.Protocol = "v", "protocol"),
        (s => s.Name = "v", "name"),
        (s => s.File = "v", "file"),
    ];

    [Test]
    public void Every_source_property_writes_its_libvirt_attribute()
    {
        foreach (var (set, attribute) in Setters)
        {
            var domain = DeviceXml.WithDevices("<disk type='file'>\n</disk>");
            var source = domain.Devices.Disks.Single().GetOrAddSource();
            set(source);

            Assert.That(source.Element.Attributes().Select(a => (a.Name.LocalName, a.Value)), Is.EqualTo(new[] { (attribute, "v") }), attribute);
        }
    }

    [Test]
    public void Every_address_type_is_spelt_as_in_libvirts_schema()
    {
        var expected = new Dictionary<DomainAddressType, string>
        {
            [DomainAddressType.Pci] = "pci",
            [DomainAddressType.Drive] = "drive",
            [DomainAddressType.VirtioSerial] = "virtio-serial",
            [DomainAddressType.Ccid] = "ccid",
            [DomainAddressType.Usb] = "usb",
            [DomainAddressType.SpaprVio] = "spapr-vio",
            [DomainAddressType.Ccw] = "ccw",
            [DomainAddressType.VirtioMmio] = "virtio-mmio",
            [DomainAddressType.Isa] = "isa",
            [DomainAddressType.Dimm] = "dimm",
            [DomainAddressType.Unassigned] = "unassigned",
        };

        foreach (var (type, name) in expected)
        {
            Assert.That(type.Value, Is.EqualTo(name));
            Assert.That(type.ToString(), Is.EqualTo(name));
        }

        // Every public static address type is in the table above: a new one must be spelt-checked too.
        var all = typeof(DomainAddressType).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static);
        Assert.That(all.Select(p => (DomainAddressType)p.GetValue(null)!), Is.EquivalentTo(expected.Keys));
    }
}
