using System.Net;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Network;

/// <summary>
/// Builds the NAT network that nested guests (L2) live on: a Linux bridge such as <c>virbr1</c> with the host's
/// address, a DHCP range, masquerading to the outside (optionally through one device), no routed IPv6.
/// <code>
/// var network = new NatNetworkBuilder("nested-bridge")
///     .WithBridge("virbr1")
///     .WithSubnet("192.168.166.0/24")
///     .WithDhcpRange("192.168.166.128", "192.168.166.254")
///     .Build();
/// </code>
/// Every value is checked: one that does not fit the datatype libvirt's schema (or dnsmasq, or the kernel) gives
/// it fails with a <see cref="LibvirtXmlValueException"/> naming the parameter and the datatype; values that fit
/// but collide with each other (a DHCP range outside the subnet, a MAC reserved twice) fail with an
/// <see cref="ArgumentException"/> that names them.
/// </summary>
public sealed class NatNetworkBuilder
{
    private readonly string name;
    private readonly List<(string Mac, string? Name, IPAddress Ip)> hosts = [];

    // Set by WithSubnet; kept apart from hostAddress so that WithHostAddress wins whatever the call order.
    private string? bridgeName;
    private Ipv4Subnet? subnet;
    private IPAddress? subnetAddress;
    private IPAddress? hostAddress;
    private (IPAddress Start, IPAddress End)? dhcpRange;
    private string? forwardDevice;
    private string? domainName;
    private Guid? uuid;

    /// <summary>Starts a NAT network named <paramref name="name"/> (<c>/network/name</c>).</summary>
    /// <param name="name">The network name: not empty, no '/', no control characters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="LibvirtXmlValueException">The name is empty or contains '/' or a control character.</exception>
    public NatNetworkBuilder(string name)
    {
        this.name = LibvirtDatatypes.ObjectName(name, nameof(name));
    }

    /// <summary>The bridge device to create (<c>/network/bridge/@name</c>), such as <c>virbr1</c>; libvirt picks <c>virbrN</c> when not set.</summary>
    /// <param name="bridgeName">A Linux interface name: 1 to 15 characters, no '/', ':' or white space, not "." or "..".</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bridgeName"/> is <see langword="null"/>.</exception>
    /// <exception cref="LibvirtXmlValueException">The name is not a valid interface name (libvirt's <c>deviceName</c> as the kernel's <c>dev_valid_name</c> narrows it).</exception>
    public NatNetworkBuilder WithBridge(string bridgeName)
    {
        this.bridgeName = LibvirtDatatypes.InterfaceName(bridgeName, nameof(bridgeName));
        return this;
    }

    /// <summary>
    /// The IPv4 subnet in CIDR notation. <c>192.168.166.0/24</c> gives the host the first address,
    /// <c>192.168.166.1</c>; <c>192.168.166.254/24</c> gives it that address.
    /// </summary>
    /// <param name="cidr">The subnet, with a prefix length (<c>/24</c>) or netmask (<c>/255.255.255.0</c>).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cidr"/> is <see langword="null"/>.</exception>
    /// <exception cref="LibvirtXmlValueException">The text is not an IPv4 subnet.</exception>
    /// <exception cref="ArgumentException">The prefix leaves no room for hosts (/31, /32).</exception>
    public NatNetworkBuilder WithSubnet(string cidr)
    {
        ArgumentNullException.ThrowIfNull(cidr);
        if (!Ipv4Subnet.TryParse(cidr, out var parsed, out var address))
        {
            throw LibvirtXmlValueException.ForArgument(nameof(cidr), "ipv4Addr/prefix", cidr, "write an IPv4 subnet such as 192.168.166.0/24");
        }

        if (parsed.PrefixLength > 30)
        {
            throw new ArgumentException($"The subnet '{cidr}' has no room for a host address, a gateway and guests; use a prefix of 30 or shorter.", nameof(cidr));
        }

        subnet = parsed;
        subnetAddress = address!.Equals(parsed.NetworkAddress) ? parsed.AddressAt(1) : address;
        return this;
    }

    /// <summary>
    /// The host's address on the bridge (the guests' gateway), when it is not the one <see cref="WithSubnet"/> implies;
    /// it wins over the subnet's address whatever the order of the calls.
    /// </summary>
    /// <param name="address">An IPv4 address inside the subnet, not its network or broadcast address.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is <see langword="null"/>.</exception>
    /// <exception cref="LibvirtXmlValueException">The text is not a dotted-quad IPv4 address (libvirt's <c>ipv4Addr</c>).</exception>
    public NatNetworkBuilder WithHostAddress(string address)
    {
        hostAddress = ParseAddress(address, nameof(address));
        return this;
    }

    /// <summary>The addresses DHCP hands out (<c>/network/ip/dhcp/range</c>), e.g. <c>.128</c> to <c>.254</c>. Without it, only static hosts get addresses.</summary>
    /// <param name="start">The first address.</param>
    /// <param name="end">The last address.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An address is <see langword="null"/>.</exception>
    /// <exception cref="LibvirtXmlValueException">An address is not a dotted-quad IPv4 address (libvirt's <c>ipv4Addr</c>).</exception>
    public NatNetworkBuilder WithDhcpRange(string start, string end)
    {
        dhcpRange = (ParseAddress(start, nameof(start)), ParseAddress(end, nameof(end)));
        return this;
    }

    /// <summary>Masquerade only through this host interface (<c>&lt;forward mode='nat' dev='eth0'/&gt;</c>); any interface when not set.</summary>
    /// <param name="device">A host interface name, or <see langword="null"/> for any.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="LibvirtXmlValueException">The name is not a valid interface name (libvirt's <c>deviceName</c> as the kernel's <c>dev_valid_name</c> narrows it).</exception>
    public NatNetworkBuilder WithForwardDevice(string? device)
    {
        forwardDevice = device is null ? null : LibvirtDatatypes.InterfaceName(device, nameof(device));
        return this;
    }

    /// <summary>The guests' DNS domain (<c>/network/domain/@name</c>), answered locally (<c>localOnly='yes'</c>).</summary>
    /// <param name="domain">A DNS name such as <c>nested.test</c> (libvirt's <c>dnsName</c>: letters, digits, '.' and '-'), or <see langword="null"/> for none.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="LibvirtXmlValueException">The name is empty or has other characters.</exception>
    public NatNetworkBuilder WithDomain(string? domain)
    {
        domainName = domain is null ? null : LibvirtDatatypes.DnsName(domain, nameof(domain));
        return this;
    }

    /// <summary>A fixed UUID (<c>/network/uuid</c>); libvirt generates one when not set.</summary>
    /// <param name="uuid">The UUID, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public NatNetworkBuilder WithUuid(Guid? uuid)
    {
        this.uuid = uuid;
        return this;
    }

    /// <summary>Reserves an address for a guest NIC (<c>/network/ip/dhcp/host</c>); the same parameters as <c>LibvirtNetwork.AddDhcpHost</c> of a running network.</summary>
    /// <param name="macAddress">The guest NIC's unicast MAC address (libvirt's <c>uniMacAddr</c>), e.g. <c>52:54:00:6c:3c:01</c>.</param>
    /// <param name="ipAddress">The reserved IPv4 address, inside the subnet.</param>
    /// <param name="hostName">The host name the guest gets (a <c>dnsName</c>: letters, digits, '.' and '-'), or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="macAddress"/> or <paramref name="ipAddress"/> is <see langword="null"/>.</exception>
    /// <exception cref="LibvirtXmlValueException">The MAC address or host name is malformed, or the address is not IPv4.</exception>
    /// <exception cref="ArgumentException">A host with the same MAC address, name or address was already added.</exception>
    public NatNetworkBuilder AddDhcpHost(string macAddress, IPAddress ipAddress, string? hostName = null)
    {
        LibvirtDatatypes.UniMacAddr(macAddress, nameof(macAddress));
        ArgumentNullException.ThrowIfNull(ipAddress);
        if (ipAddress.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            throw LibvirtXmlValueException.ForArgument(nameof(ipAddress), "ipv4Addr", ipAddress.ToString(), "a NAT network's DHCP hands out IPv4 addresses");
        }

        if (hostName is not null)
        {
            LibvirtDatatypes.DnsName(hostName, nameof(hostName));
        }

        foreach (var host in hosts)
        {
            if (string.Equals(host.Mac, macAddress, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"The MAC address {macAddress} is already reserved (for {host.Ip}).", nameof(macAddress));
            }

            if (hostName is not null && string.Equals(host.Name, hostName, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"The host name '{hostName}' is already reserved (for {host.Ip}).", nameof(hostName));
            }

            if (host.Ip.Equals(ipAddress))
            {
                throw new ArgumentException($"The address {ipAddress} is already reserved (for {host.Mac}).", nameof(ipAddress));
            }
        }

        hosts.Add((macAddress, hostName, ipAddress));
        return this;
    }

    /// <summary>Checks the values against each other and writes the <c>&lt;network&gt;</c> document.</summary>
    /// <returns>A new document that passes libvirt's network schema.</returns>
    /// <exception cref="InvalidOperationException">No subnet was given.</exception>
    /// <exception cref="ArgumentException">
    /// The host address is outside the subnet or is its network or broadcast address; the DHCP range leaves the
    /// subnet, starts after it ends, or contains the host address; a reserved address is outside the subnet or is
    /// the host's, network or broadcast address. The message names the value; <see cref="ArgumentException.ParamName"/>
    /// names the parameter of the method that set it.
    /// </exception>
    public NetworkXml Build()
    {
        var net = subnet ?? throw new InvalidOperationException("A NAT network needs a subnet: call WithSubnet(\"192.168.166.0/24\").");
        var host = hostAddress ?? subnetAddress!;
        CheckHostAddress(net, host, "address");
        if (dhcpRange is var (start, end))
        {
            CheckRange(net, host, start, end);
        }

        foreach (var reserved in hosts)
        {
            CheckUsable(net, reserved.Ip, "ipAddress", $"The reserved address {reserved.Ip} of {reserved.Mac}");
            if (reserved.Ip.Equals(host))
            {
                throw new ArgumentException($"The reserved address {reserved.Ip} of {reserved.Mac} is the host's own address on the bridge.", "ipAddress");
            }
        }

        return Write(net, host);
    }

    private NetworkXml Write(Ipv4Subnet net, IPAddress host)
    {
        var network = NetworkXml.Create(name);
        network.Uuid = uuid;
        var forward = network.GetOrAddForward();
        forward.Mode = NetworkForwardMode.Nat;
        forward.Dev = forwardDevice;
        var bridge = network.GetOrAddBridge();
        bridge.Name = bridgeName;
        bridge.Stp = true;
        bridge.Delay = 0;
        if (domainName is not null)
        {
            network.GetOrAddDomain(domainName).LocalOnly = true;
        }

        var ip = network.AddIpv4(host, net);
        if (dhcpRange is not null || hosts.Count > 0)
        {
            var dhcp = ip.GetOrAddDhcp();
            if (dhcpRange is var (start, end))
            {
                dhcp.AddRange(start.ToString(), end.ToString());
            }

            foreach (var reserved in hosts)
            {
                dhcp.AddHost(reserved.Mac, reserved.Name, reserved.Ip.ToString());
            }
        }

        return network;
    }

    private static void CheckHostAddress(Ipv4Subnet net, IPAddress host, string parameter)
    {
        if (!net.Contains(host))
        {
            throw new ArgumentException($"The host address {host} is not in the subnet {net}.", parameter);
        }

        if (host.Equals(net.NetworkAddress) || host.Equals(net.BroadcastAddress))
        {
            throw new ArgumentException($"The host address {host} is the {(host.Equals(net.NetworkAddress) ? "network" : "broadcast")} address of {net}; use an address between them.", parameter);
        }
    }

    private static void CheckRange(Ipv4Subnet net, IPAddress host, IPAddress start, IPAddress end)
    {
        CheckUsable(net, start, "start", $"The DHCP range start {start}");
        CheckUsable(net, end, "end", $"The DHCP range end {end}");
        var first = net.OffsetOf(start);
        var last = net.OffsetOf(end);
        if (first > last)
        {
            throw new ArgumentException($"The DHCP range starts at {start}, after its end {end}.", nameof(start));
        }

        var gateway = net.OffsetOf(host);
        if (gateway >= first && gateway <= last)
        {
            throw new ArgumentException($"The DHCP range {start}-{end} contains the host address {host}; guests would be handed the gateway's address.", nameof(start));
        }
    }

    private static void CheckUsable(Ipv4Subnet net, IPAddress address, string parameter, string what)
    {
        if (!net.Contains(address))
        {
            throw new ArgumentException($"{what} is not in the subnet {net}.", parameter);
        }

        if (address.Equals(net.NetworkAddress) || address.Equals(net.BroadcastAddress))
        {
            throw new ArgumentException($"{what} is the {(address.Equals(net.NetworkAddress) ? "network" : "broadcast")} address of {net}.", parameter);
        }
    }

    private static IPAddress ParseAddress(string text, string parameter)
    {
        ArgumentNullException.ThrowIfNull(text, parameter);
        return Ipv4Subnet.TryParseAddress(text, out var address)
            ? address
            : throw LibvirtXmlValueException.ForArgument(parameter, "ipv4Addr", text, "write a dotted-quad IPv4 address such as 192.168.166.1");
    }
}
