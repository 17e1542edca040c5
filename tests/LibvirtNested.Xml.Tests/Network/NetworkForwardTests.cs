using LibvirtNested.Testing;
using LibvirtNested.Xml.Network;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Network;

[TestFixture]
public sealed class NetworkForwardTests
{
    [Test]
    public void An_unknown_forward_mode_round_trips()
    {
        const string xml = "<network><name>n</name><forward mode='vdpa'/></network>";
        var network = NetworkXml.Parse(xml);

        Assert.That(network.Forward!.Mode, Is.EqualTo(new NetworkForwardMode("vdpa")));
        Assert.That(network.Forward.Mode.ToString(), Is.EqualTo("vdpa"));
        Assert.That(network.ToXmlString(), Is.EqualTo(xml));
    }

    [Test]
    public void Known_modes_have_libvirts_spelling()
    {
        Assert.That(
            new[] { NetworkForwardMode.Nat, NetworkForwardMode.Route, NetworkForwardMode.Open, NetworkForwardMode.Bridge, NetworkForwardMode.Private, NetworkForwardMode.Vepa, NetworkForwardMode.Passthrough, NetworkForwardMode.Hostdev }.Select(m => m.Value),
            Is.EqualTo(new[] { "nat", "route", "open", "bridge", "private", "vepa", "passthrough", "hostdev" }));
    }

    [Test]
    public void Mode_and_dev_are_written_and_removed()
    {
        var forward = NetworkXml.Create("n").GetOrAddForward();
        forward.Mode = NetworkForwardMode.Nat;
        forward.Dev = "eth0";
        Assert.That(forward.ToString(), Is.EqualTo("<forward mode='nat' dev='eth0'/>"));

        forward.Mode = null;
        forward.Dev = null;
        Assert.That(forward.ToString(), Is.EqualTo("<forward/>"));
    }

    [Test]
    public void Reads_nat_address_and_port_ranges_and_interface_devices()
    {
        var network = NetworkXml.Parse("""
            <network>
              <name>n</name>
              <forward mode='nat' dev='eth1'>
                <nat ipv6='yes'>
                  <address start='192.0.2.1' end='192.0.2.10'/>
                  <port start='500' end='1000'/>
                </nat>
                <interface dev='eth1'/>
                <interface dev='eth2'/>
              </forward>
            </network>
            """);
        var nat = network.Forward!.Nat!;

        Assert.That((nat.AddressStart, nat.AddressEnd, nat.PortStart, nat.PortEnd, nat.Ipv6), Is.EqualTo(("192.0.2.1", "192.0.2.10", 500, 1000, true)));
        Assert.That(network.Forward.InterfaceDevs, Is.EqualTo(new[] { "eth1", "eth2" }));
    }

    [Test]
    public void A_malformed_nat_port_fails_on_read_naming_the_path()
    {
        var network = NetworkXml.Parse("<network><name>n</name><forward mode='nat'><nat><port start='99999' end='x'/></nat></forward></network>");

        var e = Assert.Throws<LibvirtXmlValueException>(() => _ = network.Forward!.Nat!.PortStart);
        Assert.That(e!.ElementPath, Is.EqualTo("/network/forward/nat/port"));
        Assert.That(e.AttributeName, Is.EqualTo("start"));
        Assert.Throws<LibvirtXmlValueException>(() => _ = network.Forward!.Nat!.PortEnd);
    }

    [Test]
    public void Nat_ranges_are_written_valid_and_removed()
    {
        var network = NetworkXml.Create("n");
        var forward = network.GetOrAddForward();
        forward.Mode = NetworkForwardMode.Nat;
        var nat = forward.GetOrAddNat();
        nat.SetPortRange(1024, 65535);
        nat.SetAddressRange(System.Net.IPAddress.Parse("192.0.2.1"), System.Net.IPAddress.Parse("192.0.2.2"));

        Assert.That(RelaxNg.Validate("network", network.ToXmlString()), Is.Null);
        Snapshot.Verify(network.ToXmlString());

        nat.SetPortRange(null, null);
        nat.SetAddressRange(null, null);
        forward.RemoveNat();
        Assert.That(forward.ToString(), Is.EqualTo("<forward mode='nat'/>"));
    }

    [Test]
    public void A_nat_range_needs_both_ends_and_an_ordered_port_range()
    {
        var nat = NetworkXml.Create("n").GetOrAddForward().GetOrAddNat();

        Assert.Throws<ArgumentException>(() => nat.SetPortRange(1024, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => nat.SetPortRange(2000, 1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => nat.SetPortRange(0, 1000));
        Assert.Throws<ArgumentException>(() => nat.SetAddressRange(System.Net.IPAddress.Parse("fd00::1"), System.Net.IPAddress.Parse("fd00::2")));
    }
}
