using System.Net;
using LibvirtNested.Xml.Network;
using NUnit.Framework;

namespace LibvirtNested.IntegrationTests;

/// <summary>The walkthrough's NAT network for L2 guests, on the real network driver (inside the harness's namespace).</summary>
public class NetworkTests
{
    private const string Mac = "52:54:00:6c:76:01";

    [Test]
    public void Nat_network_lives_through_define_start_autostart_leases_live_dhcp_hosts_destroy_and_undefine()
    {
        using var connection = Daemon.Connect();
        using var cleanup = new Cleanup();
        var name = Daemon.UniqueName("nested-bridge");
        var definition = new NatNetworkBuilder(name)
            .WithBridge("virbr1")
            .WithSubnet("192.168.166.0/24")
            .WithDhcpRange("192.168.166.128", "192.168.166.254")
            .Build();

        var network = cleanup.Track(connection.DefineNetwork(definition));
        Assert.That(network.IsActive, Is.False);
        Assert.That(network.IsPersistent, Is.True);

        network.Start();
        Assert.That(network.IsActive, Is.True);
        Assert.That(network.BridgeName, Is.EqualTo("virbr1"));
        var live = network.GetLiveXml();
        Assert.That(live.Forward?.Mode?.Value, Is.EqualTo("nat"));
        Assert.That(live.Ipv4?.Address, Is.EqualTo("192.168.166.1"));
        Assert.That(live.Ipv4?.Dhcp?.Ranges.Select(r => (r.Start, r.End)), Is.EqualTo(new[] { ("192.168.166.128", "192.168.166.254") }));

        network.Autostart = true;
        Assert.That(network.Autostart, Is.True);
        network.Autostart = false;
        Assert.That(network.Autostart, Is.False);

        // No guest has asked for an address: the real driver answers with an empty list, not an error.
        Assert.That(network.GetDhcpLeases(), Is.Empty);
        Assert.That(network.GetDhcpLeases(Mac), Is.Empty);

        network.AddDhcpHost(Mac, IPAddress.Parse("192.168.166.10"), "l2-guest");
        var host = network.GetLiveXml().Ipv4?.Dhcp?.FindHost(Mac);
        Assert.That(host, Is.Not.Null, "the live XML has no DHCP host after virNetworkUpdate");
        Assert.That((host!.Ip, host.Name), Is.EqualTo(("192.168.166.10", "l2-guest")));
        Assert.That(network.GetInactiveXml().Ipv4?.Dhcp?.FindHost(Mac), Is.Not.Null, "the persistent XML has no DHCP host");

        network.RemoveDhcpHost(Mac, IPAddress.Parse("192.168.166.10"));
        Assert.That(network.GetLiveXml().Ipv4?.Dhcp?.Hosts, Is.Empty);
        Assert.That(network.GetInactiveXml().Ipv4?.Dhcp?.Hosts, Is.Empty);

        network.Destroy();
        Assert.That(network.IsActive, Is.False);
        network.Undefine();
        Assert.That(connection.TryGetNetwork(name, out var gone), Is.False);
        Assert.That(gone, Is.Null);
    }

    [Test]
    public void Dhcp_host_scope_chooses_the_running_network_the_definition_or_both()
    {
        using var connection = Daemon.Connect();
        using var cleanup = new Cleanup();
        var network = cleanup.Track(connection.DefineNetwork(
            new NatNetworkBuilder(Daemon.UniqueName("scope")).WithBridge("virbr5").WithSubnet("192.168.169.0/24").Build()));
        network.Start();

        network.AddDhcpHost("52:54:00:6c:76:02", IPAddress.Parse("192.168.169.20"), "cfg", NetworkModificationScope.Config);
        network.AddDhcpHost("52:54:00:6c:76:03", IPAddress.Parse("192.168.169.21"), "live", NetworkModificationScope.Live);

        Assert.That(network.GetLiveXml().Ipv4?.Dhcp?.Hosts.Select(h => h.Name), Is.EqualTo(new[] { "live" }));
        Assert.That(network.GetInactiveXml().Ipv4?.Dhcp?.Hosts.Select(h => h.Name), Is.EqualTo(new[] { "cfg" }));
        network.Destroy();
    }

    [Test]
    public void Network_with_a_taken_bridge_name_is_refused_with_libvirts_reason()
    {
        using var connection = Daemon.Connect();
        using var cleanup = new Cleanup();
        var first = cleanup.Track(connection.DefineNetwork(
            new NatNetworkBuilder(Daemon.UniqueName("bridge-a")).WithBridge("virbr7").WithSubnet("192.168.167.0/24").Build()));

        var second = new NatNetworkBuilder(Daemon.UniqueName("bridge-b")).WithBridge("virbr7").WithSubnet("192.168.168.0/24").Build();
        var error = Assert.Throws(Is.InstanceOf<LibvirtException>(), () => cleanup.Track(connection.DefineNetwork(second)));

        TestContext.Out.WriteLine($"taken bridge: {error!.Message}");
        Assert.That(((LibvirtException)error).LibvirtMessage, Does.Contain("virbr7"));
    }
}
