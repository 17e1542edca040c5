using System.Net;
using LibvirtNested.Testing;
using LibvirtNested.Xml.Network;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Network;

[TestFixture]
public sealed class NatNetworkBuilderTests
{
    private static NatNetworkBuilder Walkthrough() => new NatNetworkBuilder("nested-bridge")
        .WithBridge("virbr1")
        .WithSubnet("192.168.166.0/24")
        .WithDhcpRange("192.168.166.128", "192.168.166.254");

    [Test]
    public void The_walkthrough_network_matches_its_snapshot_and_the_schema()
    {
        var xml = Walkthrough().Build().ToXmlString();

        Assert.That(RelaxNg.Validate("network", xml), Is.Null);
        Snapshot.Verify(xml);
    }

    [Test]
    public void The_walkthrough_network_reads_back_through_the_typed_model()
    {
        var network = NetworkXml.Parse(Walkthrough().Build().ToXmlString());

        Assert.That(network.Name, Is.EqualTo("nested-bridge"));
        Assert.That(network.Forward?.Mode, Is.EqualTo(NetworkForwardMode.Nat));
        Assert.That(network.Forward?.Dev, Is.Null);
        Assert.That(network.Bridge?.Name, Is.EqualTo("virbr1"));
        Assert.That(network.Ipv6, Is.Null, "IPv6 is not routed: no ipv6='yes'");
        Assert.That(network.Ips, Has.Count.EqualTo(1));
        var ip = network.Ips[0];
        Assert.That(ip.IsIpv6, Is.False);
        Assert.That(ip.Address, Is.EqualTo("192.168.166.1"));
        Assert.That(ip.Netmask, Is.EqualTo("255.255.255.0"));
        Assert.That(ip.Subnet, Is.EqualTo(Ipv4Subnet.Parse("192.168.166.0/24")));
        Assert.That(ip.Dhcp!.Ranges.Select(r => (r.Start, r.End)), Is.EqualTo(new[] { ("192.168.166.128", "192.168.166.254") }));
        Assert.That(ip.Dhcp.Hosts, Is.Empty);
    }

    [Test]
    public void Every_option_matches_its_snapshot_and_the_schema()
    {
        var xml = Walkthrough()
            .WithForwardDevice("eth0")
            .WithDomain("nested.test")
            .WithUuid(Guid.Parse("0b7d3f5e-4b0c-4d43-9f5c-6a2b1c3d4e5f"))
            .AddDhcpHost("52:54:00:6c:3c:01", IPAddress.Parse("192.168.166.10"), "l2-guest")
            .AddDhcpHost("52:54:00:6c:3c:02", IPAddress.Parse("192.168.166.11"))
            .Build()
            .ToXmlString();

        Assert.That(RelaxNg.Validate("network", xml), Is.Null);
        Snapshot.Verify(xml);
    }

    [Test]
    public void A_subnet_written_with_a_host_address_gives_the_host_that_address()
    {
        var network = new NatNetworkBuilder("n").WithSubnet("10.0.0.254/255.255.255.0").WithDhcpRange("10.0.0.2", "10.0.0.100").Build();

        Assert.That(network.Ips[0].Address, Is.EqualTo("10.0.0.254"));
        Assert.That(network.Ips[0].Netmask, Is.EqualTo("255.255.255.0"));
    }

    [Test]
    public void An_explicit_host_address_wins_over_the_subnets_whatever_the_order()
    {
        var before = new NatNetworkBuilder("n").WithHostAddress("10.0.0.254").WithSubnet("10.0.0.0/24").Build();
        var after = new NatNetworkBuilder("n").WithSubnet("10.0.0.0/24").WithHostAddress("10.0.0.254").Build();

        Assert.That(before.Ips[0].Address, Is.EqualTo("10.0.0.254"));
        Assert.That(after.Ips[0].Address, Is.EqualTo("10.0.0.254"));
    }

    [Test]
    public void A_network_without_a_dhcp_range_or_hosts_has_no_dhcp_element()
    {
        var network = new NatNetworkBuilder("n").WithSubnet("10.1.0.0/16").Build();

        Assert.That(network.Ips[0].Dhcp, Is.Null);
        Assert.That(RelaxNg.Validate("network", network.ToXmlString()), Is.Null);
    }

    [Test]
    public void Build_without_a_subnet_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new NatNetworkBuilder("n").Build());
    }

    [Test]
    public void Refuses_a_dhcp_range_outside_the_subnet()
    {
        var e = Assert.Throws<ArgumentException>(() => Walkthrough().WithDhcpRange("192.168.166.128", "192.168.167.10").Build());
        Assert.That(e!.Message, Does.Contain("192.168.167.10"));
        Assert.That(e.ParamName, Is.EqualTo("end"));
    }

    [Test]
    public void Refuses_a_dhcp_range_that_includes_the_broadcast_address()
    {
        var e = Assert.Throws<ArgumentException>(() => Walkthrough().WithDhcpRange("192.168.166.128", "192.168.166.255").Build());
        Assert.That(e!.Message, Does.Contain("192.168.166.255").And.Contain("broadcast"));
    }

    [Test]
    public void Refuses_a_dhcp_range_that_starts_after_its_end()
    {
        var e = Assert.Throws<ArgumentException>(() => Walkthrough().WithDhcpRange("192.168.166.200", "192.168.166.150").Build());
        Assert.That(e!.Message, Does.Contain("192.168.166.200").And.Contain("192.168.166.150"));
        Assert.That(e.ParamName, Is.EqualTo("start"));
    }

    [Test]
    public void Refuses_a_dhcp_range_that_contains_the_host_address()
    {
        var e = Assert.Throws<ArgumentException>(() => Walkthrough().WithDhcpRange("192.168.166.1", "192.168.166.254").Build());
        Assert.That(e!.Message, Does.Contain("contains the host address 192.168.166.1"));
    }

    [Test]
    public void Refuses_a_malformed_dhcp_range_address()
    {
        var e = Assert.Throws<LibvirtXmlValueException>(() => Walkthrough().WithDhcpRange("192.168.166", "192.168.166.254"));
        Assert.That(e!.Message, Does.Contain("'192.168.166'"));
        Assert.That(e.ParameterName, Is.EqualTo("start"));
    }

    [TestCase("virbr-nested-bridge1", "1 to 15 characters")]
    [TestCase("", "1 to 15 characters")]
    [TestCase("vir/br1", "'/'")]
    [TestCase("vir br1", "white space")]
    [TestCase("virbr:1", "':'")]
    [TestCase(".", "refuses '.'")]
    [TestCase("..", "refuses '.'")]
    [TestCase("virbr1\n", "line feed")]
    [TestCase("virbr\t1", "tab")]
    [TestCase("virbr<1>", "'/', ':' or white space")]
    public void Refuses_a_bridge_name_linux_would_refuse(string name, string reason)
    {
        var e = Assert.Throws<LibvirtXmlValueException>(() => new NatNetworkBuilder("n").WithBridge(name));
        Assert.That(e!.Message, Does.Contain($"'{LibvirtXmlValueException.Display(name)}'").And.Contain(reason));
        Assert.That(e.ParameterName, Is.EqualTo("bridgeName"));
    }

    [Test]
    public void Accepts_a_bridge_name_of_exactly_15_characters()
    {
        var network = Walkthrough().WithBridge("virbr-nested-01").Build();
        Assert.That(network.Bridge?.Name, Is.EqualTo("virbr-nested-01"));
    }

    [Test]
    public void Refuses_a_forward_device_linux_would_refuse()
    {
        var e = Assert.Throws<LibvirtXmlValueException>(() => Walkthrough().WithForwardDevice("eth 0"));
        Assert.That(e!.Message, Does.Contain("'eth 0'"));
        Assert.That(e.ParameterName, Is.EqualTo("device"));
    }

    [Test]
    public void Refuses_the_network_address_as_host_address()
    {
        var e = Assert.Throws<ArgumentException>(() => Walkthrough().WithHostAddress("192.168.166.0").Build());
        Assert.That(e!.Message, Does.Contain("192.168.166.0").And.Contain("network address"));
    }

    [Test]
    public void Refuses_the_broadcast_address_as_host_address()
    {
        var e = Assert.Throws<ArgumentException>(() => new NatNetworkBuilder("n").WithSubnet("192.168.166.255/24").Build());
        Assert.That(e!.Message, Does.Contain("192.168.166.255").And.Contain("broadcast address"));
    }

    [Test]
    public void Refuses_a_host_address_outside_the_subnet()
    {
        var e = Assert.Throws<ArgumentException>(() => Walkthrough().WithHostAddress("192.168.1.1").Build());
        Assert.That(e!.Message, Does.Contain("192.168.1.1").And.Contain("192.168.166.0/24"));
    }

    [TestCase("192.168.166.0")]
    [TestCase("192.168.166.0/33")]
    [TestCase("192.168.166.0/24x")]
    [TestCase("2001:db8::/64")]
    [TestCase("192.168.166.0/255.0.255.0")]
    public void Refuses_a_malformed_subnet(string cidr)
    {
        var e = Assert.Throws<LibvirtXmlValueException>(() => new NatNetworkBuilder("n").WithSubnet(cidr));
        Assert.That(e!.Message, Does.Contain($"'{cidr}'"));
        Assert.That(e.ParameterName, Is.EqualTo("cidr"));
    }

    [Test]
    public void Refuses_a_subnet_without_room_for_guests()
    {
        var e = Assert.Throws<ArgumentException>(() => new NatNetworkBuilder("n").WithSubnet("192.168.166.0/31"));
        Assert.That(e!.Message, Does.Contain("192.168.166.0/31"));
    }

    [Test]
    public void Refuses_two_dhcp_hosts_with_the_same_mac_address_in_any_case()
    {
        var builder = Walkthrough().AddDhcpHost("52:54:00:6c:3c:01", IPAddress.Parse("192.168.166.10"), "a");
        var e = Assert.Throws<ArgumentException>(() => builder.AddDhcpHost("52:54:00:6C:3C:01", IPAddress.Parse("192.168.166.11"), "b"));
        Assert.That(e!.Message, Does.Contain("52:54:00:6C:3C:01"));
        Assert.That(e.ParamName, Is.EqualTo("macAddress"));
    }

    [Test]
    public void Refuses_two_dhcp_hosts_with_the_same_address()
    {
        var builder = Walkthrough().AddDhcpHost("52:54:00:6c:3c:01", IPAddress.Parse("192.168.166.10"), "a");
        var e = Assert.Throws<ArgumentException>(() => builder.AddDhcpHost("52:54:00:6c:3c:02", IPAddress.Parse("192.168.166.10"), "b"));
        Assert.That(e!.Message, Does.Contain("192.168.166.10"));
        Assert.That(e.ParamName, Is.EqualTo("ipAddress"));
    }

    [Test]
    public void Refuses_two_dhcp_hosts_with_the_same_name()
    {
        var builder = Walkthrough().AddDhcpHost("52:54:00:6c:3c:01", IPAddress.Parse("192.168.166.10"), "l2");
        var e = Assert.Throws<ArgumentException>(() => builder.AddDhcpHost("52:54:00:6c:3c:02", IPAddress.Parse("192.168.166.11"), "l2"));
        Assert.That(e!.Message, Does.Contain("'l2'"));
        Assert.That(e.ParamName, Is.EqualTo("hostName"));
    }

    [Test]
    public void Refuses_a_dhcp_host_outside_the_subnet()
    {
        var e = Assert.Throws<ArgumentException>(() => Walkthrough().AddDhcpHost("52:54:00:6c:3c:01", IPAddress.Parse("10.0.0.5"), "a").Build());
        Assert.That(e!.Message, Does.Contain("10.0.0.5").And.Contain("not in the subnet"));
        Assert.That(e.ParamName, Is.EqualTo("ipAddress"));
    }

    [Test]
    public void Refuses_a_dhcp_host_on_the_host_address()
    {
        var e = Assert.Throws<ArgumentException>(() => Walkthrough().AddDhcpHost("52:54:00:6c:3c:01", IPAddress.Parse("192.168.166.1"), "a").Build());
        Assert.That(e!.Message, Does.Contain("192.168.166.1").And.Contain("host's own address"));
    }

    [Test]
    public void Refuses_a_malformed_mac_address()
    {
        var e = Assert.Throws<LibvirtXmlValueException>(() => Walkthrough().AddDhcpHost("52:54:00:6c:3c", IPAddress.Parse("192.168.166.10"), "a"));
        Assert.That(e!.Message, Does.Contain("'52:54:00:6c:3c'"));
        Assert.That(e.ParameterName, Is.EqualTo("macAddress"));
    }

    [Test]
    public void Refuses_a_network_name_with_a_slash()
    {
        var e = Assert.Throws<LibvirtXmlValueException>(() => new NatNetworkBuilder("nested/bridge"));
        Assert.That(e!.Message, Does.Contain("'nested/bridge'"));
    }
}
