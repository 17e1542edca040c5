using LibvirtNested.Testing;
using LibvirtNested.Xml.Network;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Network;

[TestFixture]
public sealed class NetworkXmlTests
{
    internal const string Default = """
        <network>
          <name>default</name>
          <uuid>81ff0d90-c91e-6742-64da-4a736edb9a9b</uuid>
          <!-- hand-written note -->
          <forward mode='nat'>
            <nat>
              <port start='1024' end='65535'/>
            </nat>
          </forward>
          <bridge name='virbr0' stp='on' delay='0'/>
          <mac address='52:54:00:0a:cd:21'/>
          <my:extra xmlns:my='urn:example'>kept</my:extra>
          <ip address='192.168.122.1' netmask='255.255.255.0'>
            <dhcp>
              <range start='192.168.122.2' end='192.168.122.254'/>
            </dhcp>
          </ip>
        </network>
        """;

    [Test]
    public void Reads_libvirts_default_network()
    {
        var network = NetworkXml.Parse(Default);

        Assert.That(network.Name, Is.EqualTo("default"));
        Assert.That(network.Uuid, Is.EqualTo(Guid.Parse("81ff0d90-c91e-6742-64da-4a736edb9a9b")));
        Assert.That(network.Forward!.Mode, Is.EqualTo(NetworkForwardMode.Nat));
        Assert.That(network.Bridge!.Name, Is.EqualTo("virbr0"));
        Assert.That(network.Bridge.Stp, Is.True);
        Assert.That(network.Bridge.Delay, Is.Zero);
        Assert.That(network.Mac, Is.EqualTo("52:54:00:0a:cd:21"));
        Assert.That(network.Ipv4!.Address, Is.EqualTo("192.168.122.1"));
        Assert.That(network.Domain, Is.Null);
        Assert.That(network.Dns, Is.Null);
        Assert.That(network.Ipv6, Is.Null);
    }

    [Test]
    public void Parsing_and_writing_back_changes_nothing()
    {
        Assert.That(NetworkXml.Parse(Default).ToXmlString(), Is.EqualTo(Default));
    }

    [Test]
    public void Load_from_a_file_and_a_stream_and_clone_are_independent()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lvn-net-{Guid.NewGuid():N}.xml");
        try
        {
            File.WriteAllText(path, Default);
            var fromFile = NetworkXml.Load(path);
            using var stream = File.OpenRead(path);
            var fromStream = NetworkXml.Load(stream);
            var clone = fromFile.Clone();
            clone.Name = "changed";

            Assert.That(fromFile.ToXmlString(), Is.EqualTo(Default));
            Assert.That(fromStream.ToXmlString(), Is.EqualTo(Default));
            Assert.That(clone.Name, Is.EqualTo("changed"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Parse_refuses_another_root_element()
    {
        Assert.Throws<LibvirtXmlParseException>(() => NetworkXml.Parse("<domain/>"));
    }

    [Test]
    public void Create_makes_a_schema_valid_network()
    {
        var network = NetworkXml.Create("isolated");
        network.Uuid = Guid.Parse("11111111-2222-3333-4444-555555555555");

        Assert.That(network.ToXmlString(), Is.EqualTo("<network>\n  <name>isolated</name>\n  <uuid>11111111-2222-3333-4444-555555555555</uuid>\n</network>"));
        Assert.That(RelaxNg.Validate("network", network.ToXmlString()), Is.Null);
    }

    [Test]
    public void A_malformed_uuid_fails_on_read_naming_the_path_not_on_parse()
    {
        var network = NetworkXml.Parse("<network><name>n</name><uuid>not-a-uuid</uuid></network>");

        var e = Assert.Throws<LibvirtXmlValueException>(() => _ = network.Uuid);
        Assert.That(e!.ElementPath, Is.EqualTo("/network/uuid"));
        Assert.That(e.Value, Is.EqualTo("not-a-uuid"));
    }

    [Test]
    public void A_malformed_ipv6_flag_fails_on_read_naming_the_attribute()
    {
        var network = NetworkXml.Parse("<network ipv6='maybe'><name>n</name></network>");

        var e = Assert.Throws<LibvirtXmlValueException>(() => _ = network.Ipv6);
        Assert.That(e!.ElementPath, Is.EqualTo("/network"));
        Assert.That(e.AttributeName, Is.EqualTo("ipv6"));
    }

    [Test]
    public void Setting_null_removes_uuid_mac_and_ipv6()
    {
        var network = NetworkXml.Parse(Default);
        network.Ipv6 = true;
        Assert.That(network.Element.Attribute("ipv6")?.Value, Is.EqualTo("yes"));

        network.Uuid = null;
        network.Mac = null;
        network.Ipv6 = null;

        Assert.That(network.ToXmlString(), Does.Not.Contain("uuid").And.Not.Contain("<mac").And.Not.Contain("ipv6"));
        Assert.That(network.ToXmlString(), Does.Contain("<!-- hand-written note -->").And.Contain("<my:extra xmlns:my='urn:example'>kept</my:extra>"));
    }

    [Test]
    public void Removing_forward_bridge_and_ip_keeps_everything_else()
    {
        var network = NetworkXml.Parse(Default);
        network.RemoveForward();
        network.RemoveBridge();
        network.RemoveIp(network.Ips[0]);

        Snapshot.Verify(network.ToXmlString());
    }

    [Test]
    public void New_elements_go_where_libvirt_writes_them()
    {
        var network = NetworkXml.Parse("<network>\n  <name>iso</name>\n  <ip address='10.0.0.1' prefix='24'/>\n</network>");
        network.Mac = "52:54:00:00:00:01";
        network.GetOrAddDomain("iso.test").LocalOnly = true;
        network.GetOrAddBridge().Name = "virbr9";
        network.GetOrAddForward().Mode = NetworkForwardMode.Route;
        network.Uuid = Guid.Parse("11111111-2222-3333-4444-555555555555");
        network.GetOrAddDns().AddHost("10.0.0.5", "l2");

        Assert.That(RelaxNg.Validate("network", network.ToXmlString()), Is.Null);
        Snapshot.Verify(network.ToXmlString());
    }

    [Test]
    public void AddIp_writes_ipv4_with_netmask_and_ipv6_with_family_and_prefix()
    {
        var network = NetworkXml.Create("dual");
        network.AddIpv4(System.Net.IPAddress.Parse("10.1.2.1"), Ipv4Subnet.Parse("10.1.2.0/24"));
        network.AddIp(System.Net.IPAddress.Parse("fd00::1"), 64);

        Assert.That(network.Ips.Select(i => (i.Address, i.Netmask, i.Prefix, i.Family, i.IsIpv6)), Is.EqualTo(new[]
        {
            ("10.1.2.1", (string?)"255.255.255.0", (int?)null, (string?)null, false),
            ("fd00::1", null, 64, "ipv6", true),
        }));
        Assert.That(RelaxNg.Validate("network", network.ToXmlString()), Is.Null);
    }

    [Test]
    public void AddIpv4_refuses_an_address_outside_the_subnet()
    {
        var network = NetworkXml.Create("n");
        var e = Assert.Throws<ArgumentException>(() => network.AddIpv4(System.Net.IPAddress.Parse("10.1.3.1"), Ipv4Subnet.Parse("10.1.2.0/24")));
        Assert.That(e!.Message, Does.Contain("10.1.3.1"));
    }

    [Test]
    public void RemoveIp_refuses_an_ip_of_another_document()
    {
        var other = NetworkXml.Parse(Default);
        Assert.Throws<ArgumentException>(() => NetworkXml.Parse(Default).RemoveIp(other.Ips[0]));
    }
}
