using System.Net;
using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Network;

/// <summary><c>/network/ip</c>: an address of the host on the network's bridge, with its subnet and DHCP server.</summary>
public sealed class NetworkIp : XmlView
{
    private static readonly string[] Order = ["tftp", "dhcp"];

    // Views handed out before; see ViewCache for why a cached view never outlives its element.
    private NetworkDhcp? cachedDhcp;

    internal NetworkIp(XElement element)
        : base(element)
    {
    }

    /// <summary><c>@address</c>: the host's address on the bridge (the guests' gateway), e.g. <c>192.168.166.1</c>.</summary>
    public string? Address
    {
        get => GetAttribute("address");
        set => SetAttribute("address", value);
    }

    /// <summary><c>@netmask</c>: the IPv4 netmask, e.g. <c>255.255.255.0</c> (the alternative to <see cref="Prefix"/>).</summary>
    public string? Netmask
    {
        get => GetAttribute("netmask");
        set => SetAttribute("netmask", value);
    }

    /// <summary><c>@prefix</c>: the prefix length, e.g. 24 or 64 (the alternative to <see cref="Netmask"/>).</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not a number (on read).</exception>
    public int? Prefix
    {
        get => GetInt32Attribute("prefix");
        set => SetNumberAttribute("prefix", value);
    }

    /// <summary><c>@family</c>: <c>ipv4</c> (the default when absent) or <c>ipv6</c>.</summary>
    public string? Family
    {
        get => GetAttribute("family");
        set => SetAttribute("family", value);
    }

    /// <summary><c>@localPtr</c>: answer reverse lookups for the subnet locally.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not yes/no (on read).</exception>
    public bool? LocalPtr
    {
        get => GetBooleanAttribute("localPtr");
        set => SetYesNoAttribute("localPtr", value);
    }

    /// <summary>Is this an IPv6 address (<c>family='ipv6'</c>, or an address with a colon)?</summary>
    public bool IsIpv6 => string.Equals(Family, "ipv6", StringComparison.Ordinal) || (Address?.Contains(':', StringComparison.Ordinal) ?? false);

    /// <summary>
    /// The IPv4 subnet of <see cref="Address"/> with <see cref="Netmask"/> or <see cref="Prefix"/> (libvirt assumes the
    /// classful netmask when both are absent, which this does not guess); <see langword="null"/> for IPv6 or when
    /// address or mask is missing.
    /// </summary>
    /// <exception cref="LibvirtXmlValueException">The address, netmask or prefix is malformed (on read).</exception>
    public Ipv4Subnet? Subnet
    {
        get
        {
            var address = Address;
            if (IsIpv6 || address is null)
            {
                return null;
            }

            if (!Ipv4Subnet.TryParseAddress(address, out var ip))
            {
                throw XmlValues.Error(Element, "address", address, "an IPv4 address");
            }

            if (Netmask is { } netmask)
            {
                return Ipv4Subnet.TryParse(address + "/" + netmask, out var subnet)
                    ? subnet
                    : throw XmlValues.Error(Element, "netmask", netmask, "an IPv4 netmask such as 255.255.255.0");
            }

            return Prefix is { } prefix
                ? prefix <= 32 ? Ipv4Subnet.Create(ip, prefix) : throw XmlValues.Error(Element, "prefix", prefix.ToString(System.Globalization.CultureInfo.InvariantCulture), "an IPv4 prefix length from 0 to 32")
                : null;
        }
    }

    /// <summary><c>/network/ip/tftp/@root</c>: the folder served over TFTP for network boot.</summary>
    public string? TftpRoot => GetChild("tftp")?.Attribute("root")?.Value;

    /// <summary><c>/network/ip/dhcp</c>; <see langword="null"/> when the address has no DHCP server.</summary>
    public NetworkDhcp? Dhcp => ViewCache.Child(ref cachedDhcp, GetChild("dhcp"), static e => new NetworkDhcp(e));

    /// <summary><c>/network/ip/dhcp</c>, added when absent.</summary>
    /// <returns>The DHCP settings.</returns>
    public NetworkDhcp GetOrAddDhcp() => new(ChildOrder.GetOrAdd(Element, "dhcp", Order));

    /// <summary>Removes <c>/network/ip/dhcp</c>: no DHCP server on this address.</summary>
    public void RemoveDhcp() => RemoveChildren("dhcp");

    /// <summary>Does the IPv4 subnet of this address contain <paramref name="address"/>?</summary>
    /// <param name="address">An address.</param>
    /// <returns><see langword="false"/> also when the subnet is unknown (see <see cref="Subnet"/>).</returns>
    /// <exception cref="LibvirtXmlValueException">The address, netmask or prefix is malformed.</exception>
    public bool Contains(IPAddress address) => Subnet is { } subnet && subnet.Contains(address);
}
