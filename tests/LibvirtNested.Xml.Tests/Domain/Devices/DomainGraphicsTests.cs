using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Domain.Devices;

[TestFixture]
public sealed class DomainGraphicsTests
{
    [Test]
    public void Reads_vnc_with_listen_attribute_and_element()
    {
        var graphics = DeviceXml.Single<DomainGraphics>("<graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'>\n  <listen type='address' address='127.0.0.1'/>\n</graphics>");
        Assert.That((graphics.Type?.Value, graphics.Port, graphics.AutoPort, graphics.Listen), Is.EqualTo(("vnc", (long?)-1, (bool?)true, "127.0.0.1")));
    }

    [Test]
    public void Listen_falls_back_to_the_listen_element()
    {
        var graphics = DeviceXml.Single<DomainGraphics>("<graphics type='spice'>\n  <listen type='address' address='0.0.0.0'/>\n</graphics>");
        Assert.That(graphics.Listen, Is.EqualTo("0.0.0.0"));
        Assert.That(graphics.Port, Is.Null);
        Assert.That(graphics.AutoPort, Is.Null);
    }

    [Test]
    public void Setting_listen_keeps_attribute_and_element_in_step_and_null_removes_both()
    {
        var domain = DeviceXml.WithDevices("<graphics type='vnc' listen='127.0.0.1'>\n  <listen type='address' address='127.0.0.1'/>\n</graphics>");
        var graphics = domain.Devices.OfType<DomainGraphics>().Single();
        graphics.Listen = "::1";
        Assert.That(domain.ToXmlString(), Does.Contain("<graphics type='vnc' listen='::1'>\n      <listen type='address' address='::1'/>"));
        graphics.Listen = null;
        graphics.Port = 5901;
        graphics.AutoPort = false;
        Assert.That(graphics.Listen, Is.Null);
        Assert.That(domain.ToXmlString(), Does.Contain("<graphics type='vnc' port='5901' autoport='no'>\n      <listen type='address'/>"));
    }
}
