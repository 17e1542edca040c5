using System.Net;
using LibvirtNested.Xml.Network;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Network;

[TestFixture]
public sealed class NetworkIpTests
{
    private static NetworkIp Ip(string attributes) => NetworkXml.Parse($"<network><name>n</name><ip {attributes}/></network>").Ips[0];

    [Test]
    public void Subnet_comes_from_netmask_or_prefix()
    {
        Assert.That(Ip("address='192.168.166.1' netmask='255.255.255.0'").Subnet, Is.EqualTo(Ipv4Subnet.Parse("192.168.166.0/24")));
        Assert.That(Ip("address='10.2.3.4' prefix='16'").Subnet, Is.EqualTo(Ipv4Subnet.Parse("10.2.0.0/16")));
        Assert.That(Ip("address='10.2.3.4'").Subnet, Is.Null);
        Assert.That(Ip("family='ipv6' address='2001:db8:ca2:2::1' prefix='64'").Subnet, Is.Null);
    }

    [Test]
    public void Contains_tests_membership_in_the_subnet()
    {
        var ip = Ip("address='192.168.166.1' netmask='255.255.255.0'");

        Assert.That(ip.Contains(IPAddress.Parse("192.168.166.200")), Is.True);
        Assert.That(ip.Contains(IPAddress.Parse("192.168.167.1")), Is.False);
    }

    [Test]
    public void Ipv6_is_recognised_by_family_or_address()
    {
        Assert.That(Ip("family='ipv6' address='2001:db8::1' prefix='64'").IsIpv6, Is.True);
        Assert.That(Ip("address='2001:db8::1' prefix='64'").IsIpv6, Is.True);
        Assert.That(Ip("address='10.0.0.1' prefix='8'").IsIpv6, Is.False);
    }

    [TestCase("address='192.168.166' netmask='255.255.255.0'", "address")]
    [TestCase("address='192.168.166.1' netmask='255.0.255.0'", "netmask")]
    [TestCase("address='192.168.166.1' prefix='40'", "prefix")]
    [TestCase("address='192.168.166.1' prefix='x'", "prefix")]
    public void A_malformed_address_or_mask_fails_on_read_naming_the_attribute(string attributes, string attribute)
    {
        var ip = Ip(attributes);

        var e = Assert.Throws<LibvirtXmlValueException>(() => _ = ip.Subnet);
        Assert.That(e!.ElementPath, Is.EqualTo("/network/ip"));
        Assert.That(e.AttributeName, Is.EqualTo(attribute));
    }

    [Test]
    public void Attributes_are_written_and_removed()
    {
        var ip = Ip("address='10.0.0.1' netmask='255.0.0.0'");
        ip.Netmask = null;
        ip.Prefix = 8;
        ip.LocalPtr = true;
        Assert.That(ip.ToString(), Is.EqualTo("<ip address='10.0.0.1' prefix='8' localPtr='yes'/>"));

        ip.Prefix = null;
        ip.LocalPtr = null;
        ip.Address = null;
        ip.Family = "ipv4";
        Assert.That(ip.ToString(), Is.EqualTo("<ip family='ipv4'/>"));
    }

    [Test]
    public void Reads_tftp_root_and_removes_dhcp()
    {
        var network = NetworkXml.Parse("<network><name>n</name><ip address='10.0.0.1' prefix='24'><tftp root='/srv/tftp'/><dhcp><range start='10.0.0.2' end='10.0.0.9'/></dhcp></ip></network>");
        var ip = network.Ips[0];

        Assert.That(ip.TftpRoot, Is.EqualTo("/srv/tftp"));
        ip.RemoveDhcp();
        Assert.That(ip.Dhcp, Is.Null);
        Assert.That(ip.GetOrAddDhcp().Ranges, Is.Empty);
    }
}
