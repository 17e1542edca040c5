using System.Xml.Linq;
using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain.Devices;

[TestFixture]
public sealed class DomainGenericDeviceTests
{
    [Test]
    public void Every_other_element_is_a_generic_device_with_kind_type_model_alias_and_address()
    {
        var devices = DeviceXml.WithDevices("""
            <emulator>/usr/bin/qemu-system-x86_64</emulator>
            <input type='tablet' bus='usb'>
              <alias name='input0'/>
              <address type='usb' bus='0' port='1'/>
            </input>
            <memballoon model='virtio'/>
            <tpm model='tpm-crb'/>
            <teleporter type='quantum' model='t1'/>
            """).Devices;
        Assert.That(devices.Select(d => d.GetType()), Is.All.EqualTo(typeof(DomainGenericDevice)));
        Assert.That(devices.Select(d => d.Kind), Is.EqualTo(new[] { "emulator", "input", "memballoon", "tpm", "teleporter" }));
        var input = (DomainGenericDevice)devices[1];
        Assert.That((input.Type, input.Alias, input.Address!.Type?.Value, input.Address.Get("port"), input.Address.Bus), Is.EqualTo(("tablet", "input0", "usb", "1", (int?)0)));
        var future = (DomainGenericDevice)devices[4];
        Assert.That((future.Type, future.Model), Is.EqualTo(("quantum", "t1")));
        Assert.That(devices[0].Element.Value, Is.EqualTo("/usr/bin/qemu-system-x86_64"));
    }

    [Test]
    public void Writes_type_and_model()
    {
        var domain = DeviceXml.WithDevices("<rng model='virtio'/>");
        var rng = (DomainGenericDevice)domain.Devices[0];
        rng.Model = "virtio-non-transitional";
        rng.Type = null;
        rng.Alias = "ua-rng";
        Assert.That(domain.ToXmlString(), Does.Contain("<rng model='virtio-non-transitional'>\n      <alias name='ua-rng'/>\n    </rng>"));
    }

    [Test]
    public void Elements_in_another_namespace_are_generic()
    {
        var device = DomainDevice.From(new XElement(XName.Get("disk", "urn:x")));
        Assert.That(device, Is.TypeOf<DomainGenericDevice>());
    }
}
