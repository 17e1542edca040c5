using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain.Devices;

[TestFixture]
public sealed class DomainHostdevTests
{
    [Test]
    public void Reads_a_pci_hostdev()
    {
        var hostdev = DeviceXml.Single<DomainHostdev>("""
            <hostdev mode='subsystem' type='pci' managed='yes'>
              <source>
                <address domain='0x0000' bus='0x06' slot='0x12' function='0x5'/>
              </source>
              <boot order='1'/>
            </hostdev>
            """);
        Assert.Multiple(() =>
        {
            Assert.That((hostdev.Mode, hostdev.Type, hostdev.Managed), Is.EqualTo(((DomainHostdevMode?)DomainHostdevMode.Subsystem, (DomainHostdevType?)DomainHostdevType.Pci, (bool?)true)));
            Assert.That(hostdev.SourceAddress!.Domain, Is.Zero);
            Assert.That(hostdev.SourceAddress.Bus, Is.EqualTo(6));
            Assert.That(hostdev.SourceAddress.Slot, Is.EqualTo(0x12));
            Assert.That(hostdev.SourceAddress.Function, Is.EqualTo(5));
            Assert.That(hostdev.BootOrder, Is.EqualTo(1));
            Assert.That(hostdev.UsbVendor, Is.Null);
        });
    }

    [Test]
    public void Reads_a_usb_hostdev()
    {
        var hostdev = DeviceXml.Single<DomainHostdev>("""
            <hostdev mode='subsystem' type='usb'>
              <source startupPolicy='optional'>
                <vendor id='0x1234'/>
                <product id='0xbeef'/>
              </source>
            </hostdev>
            """);
        Assert.That((hostdev.UsbVendor, hostdev.UsbProduct, hostdev.Managed, hostdev.SourceAddress), Is.EqualTo(("0x1234", "0xbeef", (bool?)null, (DomainAddress?)null)));
    }

    [Test]
    public void Reads_a_scsi_hostdev()
    {
        var hostdev = DeviceXml.Single<DomainHostdev>("""
            <hostdev mode='subsystem' type='scsi' managed='no'>
              <source>
                <adapter name='scsi_host0'/>
                <address bus='0' target='0' unit='5'/>
              </source>
              <readonly/>
              <address type='drive' controller='0' bus='0' target='0' unit='4'/>
            </hostdev>
            """);
        Assert.Multiple(() =>
        {
            Assert.That(hostdev.ScsiAdapter, Is.EqualTo("scsi_host0"));
            Assert.That(hostdev.SourceAddress!.Unit, Is.EqualTo(5));
            Assert.That(hostdev.Address!.Unit, Is.EqualTo(4));
            Assert.That(hostdev.Managed, Is.False);
        });
    }

    [Test]
    public void Writes_attributes_and_null_removes()
    {
        var domain = DeviceXml.WithDevices("<hostdev mode='subsystem' type='pci' managed='yes'/>");
        var hostdev = domain.Devices.Hostdevs.Single();
        hostdev.Managed = null;
        hostdev.Mode = DomainHostdevMode.Capabilities;
        hostdev.Type = DomainHostdevType.Misc;
        hostdev.BootOrder = 4;
        Assert.That(domain.ToXmlString(), Does.Contain("<hostdev mode='capabilities' type='misc'>\n      <boot order='4'/>\n    </hostdev>"));
    }
}
