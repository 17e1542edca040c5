using System.CommandLine;
using System.Net;
using LibvirtNested.Xml.Network;

namespace LibvirtNested.Cli.Commands;

/// <summary>
/// <c>virt-nest network create NAME</c>: the NAT network for L2 from <see cref="NatNetworkBuilder"/> (which refuses a
/// DHCP range outside the subnet, a bridge name over 15 characters, …), defined, started and set to autostart.
/// </summary>
internal sealed class NetworkCommand
{
    private readonly GlobalOptions global;

    private readonly Argument<string> name = new("name") { Description = "The network's name, e.g. nested-bridge", HelpName = "NAME" };

    private readonly Option<string?> bridge = new("--bridge")
    {
        Description = "The bridge device, e.g. virbr1 (at most 15 characters; default: libvirt picks a free virbrN)",
        HelpName = "DEVICE",
    };

    private readonly Option<string> subnet = new("--subnet")
    {
        Description = "The IPv4 subnet, e.g. 192.168.166.0/24; the host gets its first address unless --host-address",
        HelpName = "CIDR",
        Required = true,
    };

    private readonly Option<string?> hostAddress = new("--host-address")
    {
        Description = "The host's (gateway's) address on the bridge",
        HelpName = "IP",
    };

    private readonly Option<string?> dhcpRange = new("--dhcp-range")
    {
        Description = "Hand out addresses from START to END by DHCP, e.g. 192.168.166.128-192.168.166.254",
        HelpName = "START-END",
    };

    private readonly Option<string[]> dhcpHosts = new("--dhcp-host")
    {
        Description = "A fixed DHCP lease: MAC,IP or MAC,IP,HOSTNAME; repeatable",
        HelpName = "MAC,IP[,NAME]",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<bool> printXml = new("--print-xml")
    {
        Description = "Print the network XML and define nothing",
    };

    private readonly Option<bool> noStart = new("--no-start")
    {
        Description = "Define the network but do not start it",
    };

    private readonly Option<bool> noAutostart = new("--no-autostart")
    {
        Description = "Do not mark the network to start with the daemon",
    };

    public NetworkCommand(GlobalOptions global, CommandCatalog catalog)
    {
        this.global = global;
        var create = catalog.Add(
            new Command("create", "Create a NAT network (bridge, subnet, DHCP range, fixed DHCP hosts): define it, start it and set it to autostart, " +
                "like virsh net-define + net-start + net-autostart of hand-written XML, with the values checked first.")
            {
                name, bridge, subnet, hostAddress, dhcpRange, dhcpHosts, printXml, noStart, noAutostart,
            },
            new Example("virt-nest network create nested-bridge --bridge virbr1 --subnet 192.168.166.0/24 --dhcp-range 192.168.166.128-192.168.166.254",
                "the walkthrough's network for L2"),
            new Example("virt-nest network create lab --subnet 10.77.0.0/24 --dhcp-host 52:54:00:00:00:02,10.77.0.2,l2 --print-xml",
                "print the XML with a fixed lease for one guest"));
        create.SetAction(Create);
        Command = catalog.Add(
            new Command("network", "Libvirt networks for the nested guests") { create },
            new Example("virt-nest network create nested-bridge --bridge virbr1 --subnet 192.168.166.0/24 --dhcp-range 192.168.166.128-192.168.166.254",
                "the walkthrough's network for L2"));
    }

    public Command Command { get; }

    private int Create(ParseResult parseResult)
    {
        var context = new CommandContext(parseResult, global);
        var xml = Build(context);
        if (context.Get(printXml))
        {
            context.Out.WriteLine(xml.ToXmlString());
            return ExitCodes.Success;
        }

        using var connection = context.Open();
        using var network = connection.DefineNetwork(xml);
        context.Status($"Network '{network.Name}' defined on {connection.Uri}.");
        if (!context.Get(noAutostart))
        {
            network.Autostart = true;
            context.Status($"Network '{network.Name}' marked as autostarted.");
        }

        if (!context.Get(noStart) && !network.IsActive)
        {
            network.Start();
            context.Status($"Network '{network.Name}' started.");
        }

        return ExitCodes.Success;
    }

    private NetworkXml Build(CommandContext context)
    {
        var builder = new NatNetworkBuilder(context.Get(name)).WithSubnet(context.Get(subnet));
        if (context.Get(bridge) is { } device)
        {
            builder.WithBridge(device);
        }

        if (context.Get(hostAddress) is { } address)
        {
            builder.WithHostAddress(address);
        }

        if (context.Get(dhcpRange) is { } range)
        {
            var dash = range.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || dash == range.Length - 1)
            {
                throw new UsageException($"--dhcp-range {range}: write START-END, e.g. 192.168.166.128-192.168.166.254.");
            }

            builder.WithDhcpRange(range[..dash], range[(dash + 1)..]);
        }

        foreach (var host in context.Get(dhcpHosts) ?? [])
        {
            var parts = host.Split(',');
            if (parts.Length is not (2 or 3) || !IPAddress.TryParse(parts[1], out var ip))
            {
                throw new UsageException($"--dhcp-host {host}: write MAC,IP or MAC,IP,HOSTNAME, e.g. 52:54:00:00:00:02,192.168.166.2,l2.");
            }

            builder.AddDhcpHost(parts[0], ip, parts.Length == 3 ? parts[2] : null);
        }

        return builder.Build();
    }
}
