using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain.Devices;

[TestFixture]
public sealed class DomainInterfaceTests
{
    [Test]
    public void Reads_a_network_interface()
    {
        var nic = DeviceXml.Single<DomainInterface>("""
            <interface type='network'>
              <mac address='52:54:00:3b:8e:01'/>
              <source network='default' bridge='virbr0'/>
              <target dev='vnet0'/>
              <model type='virtio'/>
              <boot order='3'/>
              <alias name='net0'/>
              <address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>
            </interface>
            """);
        Assert.Multiple(() =>
        {
            Assert.That(nic.Type, Is.EqualTo(DomainInterfaceType.Network));
            Assert.That(nic.Mac, Is.EqualTo("52:54:00:3b:8e:01"));
            Assert.That(nic.Source!.Network, Is.EqualTo("default"));
            Assert.That(nic.Source.Bridge, Is.EqualTo("virbr0"));
            Assert.That(nic.TargetDev, Is.EqualTo("vnet0"));
            Assert.That(nic.Model, Is.EqualTo("virtio"));
            Assert.That(nic.BootOrder, Is.EqualTo(3));
            Assert.That(nic.Alias, Is.EqualTo("net0"));
            Assert.That(nic.Address!.Slot, Is.Zero);
        });
    }

    [Test]
    public void Reads_a_direct_interface_source()
    {
        var nic = DeviceXml.Single<DomainInterface>("<interface type='direct'>\n  <source dev='eth0' mode='passthrough'/>\n</interface>");
        Assert.That((nic.Type, nic.Source!.Dev, nic.Source.Mode, nic.Source.Network), Is.EqualTo(((DomainInterfaceType?)DomainInterfaceType.Direct, "eth0", "passthrough", (string?)null)));
    }

    [Test]
    public void Missing_parts_read_as_null()
    {
        var nic = DeviceXml.Single<DomainInterface>("<interface type='user'/>");
        Assert.That((nic.Source, nic.Mac, nic.Model, nic.TargetDev, nic.BootOrder), Is.EqualTo(((DomainInterfaceSource?)null, (string?)null, (string?)null, (string?)null, (int?)null)));
    }

    [Test]
    public void Writes_and_removes_child_attributes()
    {
        var domain = DeviceXml.WithDevices("<interface type='user'>\n  <model type='e1000'/>\n</interface>");
        var nic = domain.Devices.Interfaces.Single();
        nic.Type = DomainInterfaceType.Bridge;
        nic.GetOrAddSource().Bridge = "br0";
        nic.Mac = "52:54:00:00:00:01";
        nic.Model = null;
        nic.TargetDev = "tap7";
        Assert.That(domain.ToXmlString(), Is.EqualTo(DeviceXml.WithDevices("""
            <interface type='bridge'>
              <source bridge='br0'/>
              <mac address='52:54:00:00:00:01'/>
              <target dev='tap7'/>
            </interface>
            """).ToXmlString()));
    }

    [Test]
    public void Unknown_type_round_trips()
    {
        var domain = DeviceXml.WithDevices("<interface type='quantum-link'/>");
        var nic = domain.Devices.Interfaces.Single();
        Assert.That(nic.Type!.Value.Value, Is.EqualTo("quantum-link"));
        nic.Type = nic.Type;
        Assert.That(domain.ToXmlString(), Does.Contain("<interface type='quantum-link'/>"));
    }
}
