using LibvirtNested.Testing;
using LibvirtNested.Xml.Network;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Network;

[TestFixture]
public sealed class NetworkDhcpTests
{
    private const string Walkthrough = """
        <network>
          <name>nested-bridge</name>
          <forward mode='nat'/>
          <bridge name='virbr1' stp='on' delay='0'/>
          <ip address='192.168.166.1' netmask='255.255.255.0'>
            <dhcp>
              <range start='192.168.166.128' end='192.168.166.254'/>
              <host mac='52:54:00:6c:3c:01' name='first' ip='192.168.166.10'/>
            </dhcp>
          </ip>
        </network>
        """;

    private static NetworkDhcp Dhcp(NetworkXml network) => network.Ips[0].Dhcp!;

    [Test]
    public void AddHost_appends_after_the_existing_hosts_keeping_the_layout()
    {
        var network = NetworkXml.Parse(Walkthrough);
        var host = Dhcp(network).AddHost("52:54:00:6c:3c:02", "l2-guest", "192.168.166.11");

        Assert.That((host.Mac, host.Name, host.Ip), Is.EqualTo(("52:54:00:6c:3c:02", "l2-guest", "192.168.166.11")));
        Assert.That(RelaxNg.Validate("network", network.ToXmlString()), Is.Null);
        Snapshot.Verify(network.ToXmlString());
    }

    [Test]
    public void AddHost_to_a_dhcp_element_without_hosts_goes_after_the_ranges()
    {
        var network = NetworkXml.Parse("<network><name>n</name><ip address='10.0.0.1' prefix='24'><dhcp><bootp file='pxelinux.0'/><range start='10.0.0.2' end='10.0.0.9'/></dhcp></ip></network>");
        Dhcp(network).AddHost(null, "byname", "10.0.0.20");

        Assert.That(network.ToXmlString(), Does.Contain("<range start='10.0.0.2' end='10.0.0.9'/><host name='byname' ip='10.0.0.20'/>"));
        Assert.That(RelaxNg.Validate("network", network.ToXmlString()), Is.Null);
    }

    [TestCase("52:54:00:6C:3C:01", "other", "192.168.166.50", "mac")]
    [TestCase("52:54:00:6c:3c:09", "first", "192.168.166.50", "name")]
    [TestCase("52:54:00:6c:3c:09", "FIRST", "192.168.166.50", "name")]
    [TestCase("52:54:00:6c:3c:09", "other", "192.168.166.10", "ip")]
    public void AddHost_refuses_a_duplicate(string mac, string name, string ip, string parameter)
    {
        var dhcp = Dhcp(NetworkXml.Parse(Walkthrough));

        var e = Assert.Throws<ArgumentException>(() => dhcp.AddHost(mac, name, ip));
        Assert.That(e!.ParamName, Is.EqualTo(parameter));
    }

    [Test]
    public void AddHost_refuses_a_malformed_mac_and_a_host_without_mac_or_name()
    {
        var dhcp = Dhcp(NetworkXml.Parse(Walkthrough));

        Assert.That(Assert.Throws<LibvirtXmlValueException>(() => dhcp.AddHost("52-54-00-6c-3c-02", null, "192.168.166.12"))!.Message, Does.Contain("'52-54-00-6c-3c-02'"));
        Assert.Throws<ArgumentException>(() => dhcp.AddHost(null, null, "192.168.166.12"));
    }

    [Test]
    public void RemoveHost_by_mac_name_or_address_removes_it_with_its_line()
    {
        var network = NetworkXml.Parse(Walkthrough);
        var dhcp = Dhcp(network);
        dhcp.AddHost("52:54:00:6c:3c:02", "second", "192.168.166.11");

        Assert.That(dhcp.RemoveHost("52:54:00:6C:3C:01"), Is.True);
        Assert.That(dhcp.RemoveHost("second"), Is.True);
        Assert.That(dhcp.RemoveHost("192.168.166.11"), Is.False);
        Assert.That(dhcp.Hosts, Is.Empty);
        Assert.That(network.ToXmlString(), Is.EqualTo(Walkthrough.Replace("\n      <host mac='52:54:00:6c:3c:01' name='first' ip='192.168.166.10'/>", string.Empty, StringComparison.Ordinal)));
    }

    [Test]
    public void FindHost_matches_mac_in_any_case_name_address_and_duid()
    {
        var dhcp = Dhcp(NetworkXml.Parse("<network><name>n</name><ip family='ipv6' address='fd00::1' prefix='64'><dhcp><host id='0:1:0:1:18:aa:62:fe:0:16:3e:44:55:66' ip='fd00::10'/><host mac='52:54:00:00:00:0a' name='a' ip='fd00::11'/></dhcp></ip></network>"));

        Assert.That(dhcp.FindHost("0:1:0:1:18:aa:62:fe:0:16:3e:44:55:66")?.Ip, Is.EqualTo("fd00::10"));
        Assert.That(dhcp.FindHost("52:54:00:00:00:0A")?.Name, Is.EqualTo("a"));
        Assert.That(dhcp.FindHost("a")?.Ip, Is.EqualTo("fd00::11"));
        Assert.That(dhcp.FindHost("fd00::11")?.Mac, Is.EqualTo("52:54:00:00:00:0a"));
        Assert.That(dhcp.FindHost("nothing"), Is.Null);
    }

    [Test]
    public void Ranges_are_added_removed_and_carry_leases()
    {
        var network = NetworkXml.Parse(Walkthrough);
        var dhcp = Dhcp(network);
        var range = dhcp.AddRange("192.168.166.20", "192.168.166.30");
        range.SetLease(2, "hours");
        dhcp.Hosts[0].SetLease(0);

        Assert.That(network.ToXmlString(), Does.Contain("<range start='192.168.166.128' end='192.168.166.254'/>\n      <range start='192.168.166.20' end='192.168.166.30'>\n        <lease expiry='2' unit='hours'/>\n      </range>\n      <host"));
        Assert.That((range.Lease!.Expiry, range.Lease.Unit), Is.EqualTo(((ulong?)2, "hours")));
        Assert.That((dhcp.Hosts[0].Lease!.Expiry, dhcp.Hosts[0].Lease!.Unit), Is.EqualTo(((ulong?)0, (string?)null)));
        Assert.That(RelaxNg.Validate("network", network.ToXmlString()), Is.Null);

        range.SetLease(null);
        Assert.That(range.ToString(), Is.EqualTo("<range start='192.168.166.20' end='192.168.166.30'/>"));
        dhcp.RemoveRange(range);
        Assert.That(dhcp.Ranges.Select(r => r.Start), Is.EqualTo(new[] { "192.168.166.128" }));
    }

    [Test]
    public void A_malformed_lease_expiry_fails_on_read_naming_the_path()
    {
        var range = Dhcp(NetworkXml.Parse("<network><name>n</name><ip address='10.0.0.1' prefix='24'><dhcp><range start='10.0.0.2' end='10.0.0.9'><lease expiry='soon'/></range></dhcp></ip></network>")).Ranges[0];

        var e = Assert.Throws<LibvirtXmlValueException>(() => _ = range.Lease!.Expiry);
        Assert.That(e!.ElementPath, Is.EqualTo("/network/ip/dhcp/range/lease"));
    }

    [Test]
    public void Host_attributes_are_written_and_removed()
    {
        var host = Dhcp(NetworkXml.Parse(Walkthrough)).Hosts[0];
        host.Name = null;
        host.Mac = null;
        host.Id = "0:1:2";
        host.Ip = "192.168.166.99";

        Assert.That(host.ToString(), Is.EqualTo("<host ip='192.168.166.99' id='0:1:2'/>"));
    }

    [Test]
    public void RemoveRange_refuses_a_range_of_another_element()
    {
        var other = Dhcp(NetworkXml.Parse(Walkthrough)).Ranges[0];
        Assert.Throws<ArgumentException>(() => Dhcp(NetworkXml.Parse(Walkthrough)).RemoveRange(other));
    }
}
