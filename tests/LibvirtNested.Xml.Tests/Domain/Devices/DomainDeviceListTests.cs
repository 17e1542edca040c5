using System.Xml.Linq;
using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain.Devices;

[TestFixture]
public sealed class DomainDeviceListTests
{
    [Test]
    public void Lists_every_device_in_order_with_typed_views()
    {
        var devices = DeviceXml.L1Guest().Devices;
        Assert.That(devices.Select(d => d.Kind), Is.EqualTo(new[]
        {
            "emulator", "disk", "disk", "controller", "controller", "controller", "controller", "controller", "interface",
            "serial", "console", "channel", "input", "input", "graphics", "video", "memballoon", "rng",
        }));
        Assert.That(devices, Has.Count.EqualTo(18));
        Assert.That(devices[1], Is.TypeOf<DomainDisk>());
        Assert.That(devices[8], Is.TypeOf<DomainInterface>());
        Assert.That(devices[14], Is.TypeOf<DomainGraphics>());
        Assert.That(devices.Disks, Has.Count.EqualTo(2));
        Assert.That(devices.Controllers, Has.Count.EqualTo(5));
        Assert.That(devices.Interfaces, Has.Count.EqualTo(1));
        Assert.That(devices.Hostdevs, Is.Empty);
        Assert.That(devices.OfType<DomainGenericDevice>().Select(d => d.Kind), Is.EqualTo(new[] { "emulator", "input", "input", "video", "memballoon", "rng" }));
        Assert.That(() => devices[18], Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => devices[-1], Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void A_domain_without_devices_has_an_empty_list_and_add_creates_devices()
    {
        var domain = DomainXml.Parse("<domain type='kvm'>\n  <name>a</name>\n</domain>");
        Assert.That(domain.Devices, Is.Empty);
        Assert.That(domain.Devices.Element, Is.Null);
        domain.Devices.Add(new XElement("emulator", "/usr/bin/qemu-system-x86_64"));
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain type='kvm'>\n  <name>a</name>\n  <devices>\n    <emulator>/usr/bin/qemu-system-x86_64</emulator>\n  </devices>\n</domain>"));
    }

    [Test]
    public void Add_creates_devices_where_libvirt_writes_it_and_fills_an_empty_one()
    {
        var domain = DomainXml.Parse("<domain type='kvm'>\n  <name>a</name>\n  <on_crash>destroy</on_crash>\n  <seclabel type='none'/>\n</domain>");
        domain.Devices.Add(new XElement("emulator", "/usr/bin/qemu-system-x86_64"));
        Assert.That(domain.ToXmlString(), Is.EqualTo("<domain type='kvm'>\n  <name>a</name>\n  <on_crash>destroy</on_crash>\n  <devices>\n    <emulator>/usr/bin/qemu-system-x86_64</emulator>\n  </devices>\n  <seclabel type='none'/>\n</domain>"));

        var empty = DomainXml.Parse("<domain type='kvm'>\n  <devices/>\n</domain>");
        empty.Devices.Add(new XElement("memballoon", new XAttribute("model", "none")));
        Assert.That(empty.ToXmlString(), Is.EqualTo("<domain type='kvm'>\n  <devices>\n    <memballoon model='none'/>\n  </devices>\n</domain>"));
    }

    [Test]
    public void Add_places_a_device_after_the_last_of_its_kind_or_at_the_end()
    {
        var domain = DeviceXml.WithDevices("<disk type='file'/>\n<interface type='user'/>\n<memballoon model='none'/>");
        var disk = domain.Devices.Add(new DomainDisk(new XElement("disk", new XAttribute("type", "block"), new XElement("source", new XAttribute("dev", "/dev/sdb")))));
        var rng = domain.Devices.Add(new XElement("rng", new XAttribute("model", "virtio")));
        Assert.That(rng, Is.TypeOf<DomainGenericDevice>());
        Assert.That(disk.Element.Parent, Is.SameAs(domain.Devices.Element));
        Assert.That(domain.ToXmlString(), Is.EqualTo(DeviceXml.WithDevices("""
            <disk type='file'/>
            <disk type='block'>
              <source dev='/dev/sdb'/>
            </disk>
            <interface type='user'/>
            <memballoon model='none'/>
            <rng model='virtio'/>
            """).ToXmlString()));
    }

    [Test]
    public void Add_refuses_an_element_that_is_already_in_a_document()
    {
        var domain = DeviceXml.WithDevices("<disk type='file'/>");
        var before = domain.ToXmlString();
        Assert.That(() => domain.Devices.Add(domain.Devices[0]), Throws.ArgumentException.With.Message.Contains("already part of a document"));
        Assert.That(() => domain.Devices.Add(domain.Devices[0].Element), Throws.ArgumentException);
        Assert.That(domain.ToXmlString(), Is.EqualTo(before));
    }

    [Test]
    public void Remove_takes_the_device_and_its_indentation()
    {
        var domain = DeviceXml.WithDevices("<disk type='file'/>\n<interface type='user'/>\n<memballoon model='none'/>");
        var other = DeviceXml.WithDevices("<interface type='user'/>");
        Assert.That(domain.Devices.Remove(other.Devices[0]), Is.False);
        Assert.That(domain.Devices.Remove(domain.Devices.Interfaces.Single()), Is.True);
        Assert.That(domain.ToXmlString(), Is.EqualTo(DeviceXml.WithDevices("<disk type='file'/>\n<memballoon model='none'/>").ToXmlString()));
    }

    [Test]
    public void Enumeration_is_a_snapshot_so_devices_can_be_removed_while_iterating()
    {
        var domain = DeviceXml.WithDevices("<disk type='file'/>\n<disk type='file'/>\n<memballoon model='none'/>");
        foreach (var disk in domain.Devices.OfType<DomainDisk>())
        {
            domain.Devices.Remove(disk);
        }

        Assert.That(domain.Devices.Select(d => d.Kind), Is.EqualTo(new[] { "memballoon" }));
    }

    [Test]
    public void Views_see_changes_made_through_the_element()
    {
        var domain = DeviceXml.WithDevices("<disk type='file'/>");
        var disk = domain.Devices.Disks.Single();
        disk.Element.SetAttributeValue("device", "cdrom");
        Assert.That(domain.Devices.Disks.Single().Device, Is.EqualTo(DomainDiskDevice.Cdrom));
    }
}
