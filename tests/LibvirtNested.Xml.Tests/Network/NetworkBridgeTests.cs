using LibvirtNested.Xml.Network;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Network;

[TestFixture]
public sealed class NetworkBridgeTests
{
    [Test]
    public void Stp_is_written_on_off_and_delay_as_a_number()
    {
        var bridge = NetworkXml.Create("n").GetOrAddBridge();
        bridge.Name = "virbr1";
        bridge.Stp = false;
        bridge.Delay = 2;
        bridge.MacTableManager = "libvirt";
        bridge.Zone = "trusted";

        Assert.That(bridge.ToString(), Is.EqualTo("<bridge name='virbr1' stp='off' delay='2' macTableManager='libvirt' zone='trusted'/>"));
        Assert.That((bridge.Stp, bridge.Delay, bridge.MacTableManager, bridge.Zone), Is.EqualTo((false, 2UL, "libvirt", "trusted")));
    }

    [Test]
    public void Null_removes_each_attribute()
    {
        var network = NetworkXml.Parse("<network><name>n</name><bridge name='virbr0' stp='on' delay='0'/></network>");
        var bridge = network.Bridge!;
        bridge.Name = null;
        bridge.Stp = null;
        bridge.Delay = null;

        Assert.That(bridge.ToString(), Is.EqualTo("<bridge/>"));
        Assert.That((bridge.Name, bridge.Stp, bridge.Delay), Is.EqualTo(((string?)null, (bool?)null, (ulong?)null)));
    }

    [Test]
    public void Malformed_stp_and_delay_fail_on_read_naming_the_attribute()
    {
        var bridge = NetworkXml.Parse("<network><name>n</name><bridge stp='sometimes' delay='-1'/></network>").Bridge!;

        Assert.That(Assert.Throws<LibvirtXmlValueException>(() => _ = bridge.Stp)!.AttributeName, Is.EqualTo("stp"));
        var e = Assert.Throws<LibvirtXmlValueException>(() => _ = bridge.Delay)!;
        Assert.That((e.ElementPath, e.AttributeName, e.Value), Is.EqualTo(("/network/bridge", "delay", "-1")));
    }
}
