using System.Net;
using LibvirtNested.Xml.Network;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Network;

[TestFixture]
public sealed class Ipv4SubnetTests
{
    [Test]
    public void Parses_the_walkthrough_subnet()
    {
        var subnet = Ipv4Subnet.Parse("192.168.166.0/24");

        Assert.That(subnet.NetworkAddress, Is.EqualTo(IPAddress.Parse("192.168.166.0")));
        Assert.That(subnet.PrefixLength, Is.EqualTo(24));
        Assert.That(subnet.Netmask, Is.EqualTo(IPAddress.Parse("255.255.255.0")));
        Assert.That(subnet.BroadcastAddress, Is.EqualTo(IPAddress.Parse("192.168.166.255")));
        Assert.That(subnet.AddressCount, Is.EqualTo(256UL));
        Assert.That(subnet.AddressAt(1), Is.EqualTo(IPAddress.Parse("192.168.166.1")));
        Assert.That(subnet.OffsetOf(IPAddress.Parse("192.168.166.128")), Is.EqualTo(128UL));
        Assert.That(subnet.ToString(), Is.EqualTo("192.168.166.0/24"));
    }

    [Test]
    public void Host_bits_are_cleared_and_the_address_is_kept_apart()
    {
        Assert.That(Ipv4Subnet.TryParse("10.1.2.3/255.255.0.0", out var subnet, out var address), Is.True);
        Assert.That(subnet.ToString(), Is.EqualTo("10.1.0.0/16"));
        Assert.That(address, Is.EqualTo(IPAddress.Parse("10.1.2.3")));
        Assert.That(Ipv4Subnet.Parse("10.1.2.3/16"), Is.EqualTo(subnet));
    }

    [TestCase(0, "0.0.0.0")]
    [TestCase(8, "255.0.0.0")]
    [TestCase(20, "255.255.240.0")]
    [TestCase(24, "255.255.255.0")]
    [TestCase(32, "255.255.255.255")]
    public void Prefix_length_and_netmask_convert_both_ways(int prefix, string netmask)
    {
        Assert.That(Ipv4Subnet.PrefixLengthToNetmask(prefix), Is.EqualTo(IPAddress.Parse(netmask)));
        Assert.That(Ipv4Subnet.NetmaskToPrefixLength(IPAddress.Parse(netmask)), Is.EqualTo(prefix));
    }

    [Test]
    public void A_non_contiguous_netmask_is_refused()
    {
        Assert.That(Assert.Throws<ArgumentException>(() => Ipv4Subnet.NetmaskToPrefixLength(IPAddress.Parse("255.0.255.0")))!.Message, Does.Contain("255.0.255.0"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ipv4Subnet.PrefixLengthToNetmask(33));
    }

    [Test]
    public void Contains_includes_network_and_broadcast_and_excludes_other_subnets_and_ipv6()
    {
        var subnet = Ipv4Subnet.Parse("192.168.166.0/24");

        Assert.That(subnet.Contains(IPAddress.Parse("192.168.166.0")), Is.True);
        Assert.That(subnet.Contains(IPAddress.Parse("192.168.166.255")), Is.True);
        Assert.That(subnet.Contains(IPAddress.Parse("192.168.167.0")), Is.False);
        Assert.That(subnet.Contains(IPAddress.Parse("::ffff:192.168.166.1")), Is.False);
        Assert.That(Ipv4Subnet.Parse("0.0.0.0/0").Contains(IPAddress.Parse("203.0.113.9")), Is.True);
    }

    [TestCase("192.168.166.0")]
    [TestCase("192.168.166/24")]
    [TestCase("10/8")]
    [TestCase("192.168.166.0/")]
    [TestCase("192.168.166.0/-1")]
    [TestCase("192.168.166.0/33")]
    [TestCase("2001:db8::/32")]
    [TestCase("300.1.1.1/8")]
    public void Malformed_text_is_refused(string text)
    {
        Assert.That(Ipv4Subnet.TryParse(text, out _), Is.False);
        Assert.That(Assert.Throws<FormatException>(() => Ipv4Subnet.Parse(text))!.Message, Does.Contain($"'{text}'"));
    }

    [Test]
    public void Converts_to_and_from_the_bcl_ip_network()
    {
        var subnet = Ipv4Subnet.Parse("172.16.0.0/12");

        Assert.That(subnet.ToIPNetwork(), Is.EqualTo(IPNetwork.Parse("172.16.0.0/12")));
        Assert.That(Ipv4Subnet.FromIPNetwork(IPNetwork.Parse("172.16.0.0/12")), Is.EqualTo(subnet));
        Assert.Throws<ArgumentException>(() => Ipv4Subnet.FromIPNetwork(IPNetwork.Parse("fd00::/8")));
    }

    [Test]
    public void Offsets_outside_the_subnet_are_refused()
    {
        var subnet = Ipv4Subnet.Parse("10.0.0.0/30");

        Assert.Throws<ArgumentOutOfRangeException>(() => subnet.AddressAt(4));
        Assert.Throws<ArgumentException>(() => subnet.OffsetOf(IPAddress.Parse("10.0.0.4")));
        Assert.Throws<ArgumentException>(() => Ipv4Subnet.Create(IPAddress.IPv6Loopback, 8));
    }
}
