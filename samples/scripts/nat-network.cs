#!/usr/bin/env -S dotnet run
// Creates, starts and autostarts a NAT network for nested guests (the walkthrough's "nested bridge").
//   dotnet run nat-network.cs -- URI [NAME] [BRIDGE] [CIDR] [DHCP-START DHCP-END]
//   dotnet run nat-network.cs -- qemu:///system nested-bridge virbr1 192.168.166.0/24 192.168.166.128 192.168.166.254
#:project ../../src/LibvirtNested/LibvirtNested.csproj
using LibvirtNested;
using LibvirtNested.Xml.Network;

if (args.Length is < 1 or 5 or > 6)
{
    Console.Error.WriteLine("usage: dotnet run nat-network.cs -- URI [NAME] [BRIDGE] [CIDR] [DHCP-START DHCP-END]");
    return 2;
}

string Arg(int index, string fallback) => args.Length > index ? args[index] : fallback;
var name = Arg(1, "nested-bridge");
try
{
    var xml = new NatNetworkBuilder(name)
        .WithBridge(Arg(2, "virbr1"))
        .WithSubnet(Arg(3, "192.168.166.0/24"))
        .WithDhcpRange(Arg(4, "192.168.166.128"), Arg(5, "192.168.166.254"))
        .Build();
    using var connection = LibvirtConnection.Open(args[0]);
    if (connection.TryGetNetwork(name, out var existing))
    {
        existing.Dispose();
        Console.WriteLine($"Network '{name}' exists already; left as it is.");
        return 0;
    }

    using var network = connection.DefineNetwork(xml);
    network.Start();
    network.Autostart = true;
    Console.WriteLine($"Network '{name}' defined, started and set to autostart:");
    Console.WriteLine(network.GetLiveXmlString());
    return 0;
}
catch (Exception e) when (e is LibvirtException or ArgumentException)
{
    Console.Error.WriteLine($"nat-network: {e.Message}");
    return 1;
}
