using LibvirtNested.Xml.Network;
using NUnit.Framework;

namespace LibvirtNested.Cli.Tests;

/// <summary><c>virt-nest network create</c> on test:///default: defined, started, autostarted; --print-xml defines nothing.</summary>
[TestFixture]
public sealed class NetworkCreateTests : TestDriverFixture
{
    private readonly List<string> created = [];

    [TearDown]
    public void Remove()
    {
        using var connection = LibvirtConnection.Open(Cli.TestUri);
        foreach (var name in created)
        {
            if (connection.TryGetNetwork(name, out var network))
            {
                using (network)
                {
                    if (network!.IsActive)
                    {
                        network.Destroy();
                    }

                    network.Undefine();
                }
            }
        }
    }

    private string NewName()
    {
        var name = Cli.UniqueName("net");
        created.Add(name);
        return name;
    }

    [Test]
    public void Create_defines_starts_and_autostarts_the_nat_network()
    {
        var name = NewName();

        var result = Cli.OnTestDriver("network", "create", name, "--bridge", "virbr9", "--subnet", "192.168.177.0/24",
            "--dhcp-range", "192.168.177.128-192.168.177.254", "--dhcp-host", "52:54:00:00:00:02,192.168.177.2,l2");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Output, Does.Contain($"Network '{name}' defined").And.Contain("started").And.Contain("autostarted"));
        using var connection = LibvirtConnection.Open(Cli.TestUri);
        using var network = connection.GetNetwork(name);
        Assert.That(network.IsActive, Is.True);
        Assert.That(network.Autostart, Is.True);
        var xml = network.GetLiveXml();   // the test driver has no inactive-XML flag for networks
        Assert.That(xml.Bridge?.Name, Is.EqualTo("virbr9"));
        Assert.That(xml.Forward?.Mode?.Value, Is.EqualTo("nat"));
        var ip = xml.Ips.Single();
        Assert.That(ip.Address, Is.EqualTo("192.168.177.1"));
        Assert.That(ip.Dhcp!.Ranges.Single().Start, Is.EqualTo("192.168.177.128"));
        Assert.That(ip.Dhcp.Hosts.Single().Mac, Is.EqualTo("52:54:00:00:00:02"));
    }

    [Test]
    public void Print_xml_prints_the_network_and_defines_nothing()
    {
        var name = NewName();

        var result = Cli.OnTestDriver("network", "create", name, "--subnet", "10.77.0.0/24", "--print-xml");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        var xml = NetworkXml.Parse(result.Output);
        Assert.That(xml.Name, Is.EqualTo(name));
        using var connection = LibvirtConnection.Open(Cli.TestUri);
        Assert.That(connection.TryGetNetwork(name, out _), Is.False);
    }

    [Test]
    public void No_start_and_no_autostart_only_define()
    {
        var name = NewName();

        var result = Cli.OnTestDriver("network", "create", name, "--subnet", "10.78.0.0/24", "--no-start", "--no-autostart");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        using var connection = LibvirtConnection.Open(Cli.TestUri);
        using var network = connection.GetNetwork(name);
        Assert.That(network.IsActive, Is.False);
        Assert.That(network.Autostart, Is.False);
    }

    [Test]
    public void A_second_create_of_the_same_name_exits_8()
    {
        var name = NewName();
        Assert.That(Cli.OnTestDriver("network", "create", name, "--subnet", "10.79.0.0/24").ExitCode, Is.Zero);

        var again = Cli.OnTestDriver("network", "create", name, "--subnet", "10.79.0.0/24");

        Assert.That(again.ExitCode, Is.EqualTo(ExitCodes.AlreadyExists), again.ToString);
        Cli.AssertOneErrorParagraph(again);
    }

    [TestCase("--dhcp-range", "192.168.177.10-10.0.0.1", "not in the subnet")]
    [TestCase("--dhcp-range", "192.168.177.10", "START-END")]
    [TestCase("--dhcp-host", "52:54:00:00:00:02", "MAC,IP")]
    [TestCase("--bridge", "a-bridge-name-far-too-long", "bridge")]
    public void A_value_the_builder_refuses_is_a_usage_error_and_defines_nothing(string option, string value, string expected)
    {
        var name = NewName();

        var result = Cli.OnTestDriver("network", "create", name, "--subnet", "192.168.177.0/24", option, value);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Cli.AssertOneErrorParagraph(result);
        Assert.That(result.Error, Does.Contain(expected));
        using var connection = LibvirtConnection.Open(Cli.TestUri);
        Assert.That(connection.TryGetNetwork(name, out _), Is.False);
    }

    [Test]
    public void The_subnet_is_required()
    {
        var result = Cli.OnTestDriver("network", "create", NewName());

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Assert.That(result.Error, Does.StartWith("virt-nest: usage error: ").And.Contain("--subnet"));
    }
}
