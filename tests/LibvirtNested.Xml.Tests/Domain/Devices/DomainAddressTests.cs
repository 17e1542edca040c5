using System.Xml.Linq;
using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain.Devices;

[TestFixture]
public sealed class DomainAddressTests
{
    [Test]
    public void Reads_pci_hex_and_drive_decimal()
    {
        var pci = new DomainAddress(XElement.Parse("<address type='pci' domain='0x0000' bus='0x1f' slot='0x1B' function='0x7' multifunction='on'/>"));
        var drive = new DomainAddress(XElement.Parse("<address type='drive' controller='1' bus='0' target='2' unit='16383'/>"));
        Assert.Multiple(() =>
        {
            Assert.That((pci.Type?.Value, pci.Domain, pci.Bus, pci.Slot, pci.Function), Is.EqualTo(("pci", (int?)0, (int?)31, (int?)27, (int?)7)));
            Assert.That(pci.Attributes["multifunction"], Is.EqualTo("on"));
            Assert.That(pci.Controller, Is.Null);
            Assert.That((drive.Controller, drive.Bus, drive.Target, drive.Unit), Is.EqualTo(((int?)1, (int?)0, (int?)2, (int?)16383)));
            Assert.That(drive.Domain, Is.Null);
        });
    }

    [Test]
    public void Writes_pci_numbers_as_libvirt_does_and_drive_numbers_in_decimal()
    {
        var pci = new DomainAddress(new XElement("address")) { Type = DomainAddressType.Pci, Domain = 0, Bus = 2, Slot = 0x1f, Function = 3 };
        var drive = new DomainAddress(new XElement("address")) { Type = DomainAddressType.Drive, Controller = 0, Bus = 1, Target = 0, Unit = 12 };
        Assert.That(pci.ToString(), Is.EqualTo("<address type='pci' domain='0x0000' bus='0x02' slot='0x1f' function='0x3'/>"));
        Assert.That(drive.ToString(), Is.EqualTo("<address type='drive' controller='0' bus='1' target='0' unit='12'/>"));
        drive.Unit = null;
        drive.Set("port", "4");
        Assert.That(drive.ToString(), Is.EqualTo("<address type='drive' controller='0' bus='1' target='0' port='4'/>"));
        Assert.That(() => pci.Slot = -1, Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Malformed_numbers_throw_naming_the_attribute()
    {
        var address = new DomainAddress(XElement.Parse("<address type='pci' slot='0xzz'/>"));
        Assert.That(() => address.Slot, Throws.TypeOf<LibvirtXmlValueException>().With.Message.Contains("slot").And.Message.Contains("0xzz"));
    }

    [Test]
    public void Device_address_can_be_added_and_removed()
    {
        var domain = DeviceXml.WithDevices("<memballoon model='virtio'/>");
        var balloon = domain.Devices[0];
        var address = balloon.GetOrAddAddress();
        address.Type = DomainAddressType.Pci;
        address.Domain = 0;
        address.Bus = 5;
        address.Slot = 0;
        address.Function = 0;
        Assert.That(domain.ToXmlString(), Does.Contain("<memballoon model='virtio'>\n      <address type='pci' domain='0x0000' bus='0x05' slot='0x00' function='0x0'/>\n    </memballoon>"));
        balloon.RemoveAddress();
        Assert.That(balloon.Address, Is.Null);
    }
}
