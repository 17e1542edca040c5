using System.Net;
using LibvirtNested.Xml.Network;
using NUnit.Framework;

namespace LibvirtNested.Tests;

public class LibvirtNetworkTests
{
    private LibvirtConnection connection = null!;
    private LibvirtNetwork network = null!;
    private string name = null!;

    [SetUp]
    public void Define()
    {
        connection = LibvirtConnection.Open(TestDriver.Uri);
        name = TestDriver.UniqueName("net");
        var bridge = "vb" + Guid.NewGuid().ToString("N")[..8];
        network = connection.DefineNetwork(NetworkXml.Parse(TestDriver.NetworkXmlText(name, bridge)));
    }

    [TearDown]
    public void Undefine()
    {
        if (network.IsActive)
        {
            network.Destroy();
        }

        if (network.IsPersistent)
        {
            network.Undefine();
        }

        network.Dispose();
        connection.Dispose();
    }

    [Test]
    public void Define_look_up_and_read_xml()
    {
        using var found = connection.GetNetwork(name);
        var xml = found.GetLiveXml();

        Assert.That(found.Uuid, Is.EqualTo(network.Uuid));
        Assert.That(xml.Name, Is.EqualTo(name));
        Assert.That(xml.Element.Element("ip")!.Attribute("address")!.Value, Is.EqualTo("192.168.166.1"));
        Assert.That(network.IsPersistent, Is.True);
        Assert.That(network.BridgeName, Does.StartWith("vb"));
        Assert.That(network.ToString(), Is.EqualTo(name));
    }

    [Test]
    public void Start_autostart_destroy_and_list()
    {
        Assert.That(network.IsActive, Is.False);
        Assert.That(ListNames(LibvirtListFilter.Inactive), Does.Contain(name));

        network.Start();
        network.Autostart = true;

        Assert.That(network.IsActive, Is.True);
        Assert.That(network.Autostart, Is.True);
        Assert.That(ListNames(LibvirtListFilter.Active), Does.Contain(name));
        Assert.That(ListNames(LibvirtListFilter.Inactive), Does.Not.Contain(name));
        Assert.Throws<LibvirtOperationInvalidException>(network.Start);

        network.Destroy();
        Assert.That(network.IsActive, Is.False);
        Assert.That(ListNames(LibvirtListFilter.All), Does.Contain(name));
    }

    [Test]
    public void The_walkthrough_nat_network_from_the_builder_is_defined_validated_and_started()
    {
        var natName = TestDriver.UniqueName("nat");
        var xml = new NatNetworkBuilder(natName)
            .WithBridge("vn" + Guid.NewGuid().ToString("N")[..8])
            .WithSubnet("192.168.166.0/24")
            .WithDhcpRange("192.168.166.128", "192.168.166.254")
            .Build();

        using var nat = connection.DefineNetwork(xml);
        try
        {
            nat.Start();
            var live = nat.GetLiveXml();

            Assert.That(nat.IsActive, Is.True);
            Assert.That(live.Forward!.Element.Attribute("mode")!.Value, Is.EqualTo("nat"));
            Assert.That(live.Ips.Single().Address, Is.EqualTo("192.168.166.1"));
            Assert.That(live.Ips.Single().Dhcp!.Element.Element("range")!.Attribute("start")!.Value, Is.EqualTo("192.168.166.128"));
        }
        finally
        {
            nat.Destroy();
            nat.Undefine();
        }
    }

    [Test]
    public void Missing_network_is_not_found()
    {
        var error = Assert.Throws<LibvirtNotFoundException>(() => connection.GetNetwork(TestDriver.UniqueName("nonet")));

        Assert.That(error!.CodeName, Is.EqualTo("VIR_ERR_NO_NETWORK"));
        Assert.That(connection.TryGetNetwork(TestDriver.UniqueName("nonet"), out _), Is.False);
        Assert.That(connection.TryGetNetwork(name, out var found), Is.True);
        found!.Dispose();
    }

    [Test]
    public void Defining_another_network_with_the_same_name_is_already_exists()
    {
        var copy = NetworkXml.Parse(TestDriver.NetworkXmlText(name, "vbdup0"));
        copy.Element.Add(new System.Xml.Linq.XElement("uuid", Guid.NewGuid().ToString()));

        Assert.Throws<LibvirtAlreadyExistsException>(() => connection.DefineNetwork(copy));
    }

    [Test]
    public void Dhcp_leases_are_unsupported_on_the_test_driver_with_a_typed_error()
    {
        network.Start();

        var error = Assert.Throws<LibvirtUnsupportedOperationException>(() => network.GetDhcpLeases());

        Assert.That(error!.Function, Is.EqualTo("virNetworkGetDHCPLeases"));
    }

    [Test]
    public void Dhcp_host_is_added_and_removed_live_and_in_the_config()
    {
        network.Start();
        const string mac = "52:54:00:12:34:56";

        network.AddDhcpHost(mac, IPAddress.Parse("192.168.166.130"), "l2");

        Assert.That(DhcpHosts(), Does.Contain($"{mac} 192.168.166.130 l2"));
        network.Destroy();
        Assert.That(DhcpHosts(), Does.Contain($"{mac} 192.168.166.130 l2"), "the persistent definition has it too");
        network.Start();

        network.RemoveDhcpHost(mac, IPAddress.Parse("192.168.166.130"));

        Assert.That(DhcpHosts(), Is.Empty);
        network.Destroy();
        Assert.That(DhcpHosts(), Is.Empty);
    }

    [Test]
    public void Typed_dhcp_host_from_the_network_model_is_added_and_removed()
    {
        network.Start();
        var scratch = network.GetLiveXml();
        var host = scratch.Ips[0].Dhcp!.AddHost("52:54:00:de:ad:01", "l2-typed", "192.168.166.140");

        network.AddDhcpHost(host);

        var live = network.GetLiveXml().Ips[0].Dhcp!.Hosts;
        Assert.That(live.Select(h => (h.Mac, h.Name, h.Ip)), Is.EqualTo(new[] { ("52:54:00:de:ad:01", "l2-typed", "192.168.166.140") }));

        network.RemoveDhcpHost(live[0]);

        Assert.That(network.GetLiveXml().Ips[0].Dhcp!.Hosts, Is.Empty);
    }

    [Test]
    public void Dhcp_host_on_an_inactive_network_changes_the_config_only()
    {
        network.AddDhcpHost("52:54:00:aa:bb:cc", IPAddress.Parse("192.168.166.131"));

        Assert.That(DhcpHosts(), Does.Contain("52:54:00:aa:bb:cc 192.168.166.131 "));
    }

    // The test driver keeps one definition for a running network and applies every update to it, so the
    // live/config split is checked on the real daemon (tests/LibvirtNested.IntegrationTests/NetworkTests.cs).
    [TestCase(NetworkModificationScope.Live | NetworkModificationScope.Config, true, 3u)]
    [TestCase(NetworkModificationScope.Live | NetworkModificationScope.Config, false, 2u)]
    [TestCase(NetworkModificationScope.Live, true, 1u)]
    [TestCase(NetworkModificationScope.Live, false, 0u)]
    [TestCase(NetworkModificationScope.Config, true, 2u)]
    [TestCase(NetworkModificationScope.Current, true, 0u)]
    public void The_scope_becomes_libvirts_update_flags_and_live_is_dropped_for_an_inactive_network(NetworkModificationScope scope, bool active, uint flags)
    {
        Assert.That(LibvirtNested.Interop.LibvirtFlags.NetworkUpdate(scope, active), Is.EqualTo(flags));
    }

    [Test]
    public void An_unknown_scope_bit_is_refused_before_libvirt_is_called()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => network.AddDhcpHost("52:54:00:aa:bb:03", IPAddress.Parse("192.168.166.134"), null, (NetworkModificationScope)8));
        Assert.That(DhcpHosts(), Is.Empty);
    }

    [Test]
    public void DefineNetwork_validates_against_the_schema_by_default()
    {
        var text = TestDriver.NetworkXmlText(TestDriver.UniqueName("badnet"), "vb" + Guid.NewGuid().ToString("N")[..8])
            .Replace("<forward mode='nat'/>", "<forward mode='nat'/><notInTheSchema/>", StringComparison.Ordinal);

        Assert.Throws<LibvirtSchemaValidationException>(() => connection.DefineNetwork(text).Dispose());
        using var accepted = connection.DefineNetwork(text, NetworkDefineOptions.None);
        accepted.Undefine();
    }

    [Test]
    public void Removing_a_missing_dhcp_host_fails_with_libvirt_reason()
    {
        var error = Assert.Throws<LibvirtOperationInvalidException>(() => network.RemoveDhcpHost("52:54:00:00:00:01"));

        Assert.That(error!.Function, Is.EqualTo("virNetworkUpdate"));
        Assert.That(error.LibvirtMessage, Does.Contain("couldn't locate a matching dhcp host entry"));
    }

    [Test]
    public void Inactive_xml_flag_is_refused_by_the_test_driver_with_libvirt_reason()
    {
        var error = Assert.Throws<LibvirtException>(() => network.GetInactiveXml());

        Assert.That(error!.LibvirtMessage, Does.Contain("unsupported flags (0x1)"));
    }

    // The test driver cannot return the inactive XML separately (VIR_NETWORK_XML_INACTIVE is unsupported there),
    // so the persistent definition is read while the network is stopped.
    private List<string> DhcpHosts() =>
        network.GetLiveXml().Element.Descendants("host")
            .Select(h => $"{(string?)h.Attribute("mac")} {(string?)h.Attribute("ip")} {(string?)h.Attribute("name")}")
            .ToList();

    private List<string> ListNames(LibvirtListFilter filter)
    {
        var networks = connection.ListNetworks(filter);
        var names = networks.Select(n => n.Name).ToList();
        foreach (var n in networks)
        {
            n.Dispose();
        }

        return names;
    }
}
