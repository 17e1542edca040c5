using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LibvirtNested.Xml.Network;

/// <summary>
/// An IPv4 subnet such as <c>192.168.166.0/24</c>: the network address and prefix length, with the netmask,
/// broadcast address and membership test that libvirt's <c>&lt;ip address netmask|prefix&gt;</c> and DHCP ranges need.
/// Always normalised: host bits of the network address are zero.
/// </summary>
public readonly record struct Ipv4Subnet
{
    private readonly uint network;

    private Ipv4Subnet(uint network, int prefixLength)
    {
        this.network = network;
        PrefixLength = prefixLength;
    }

    /// <summary>The prefix length, 0 to 32 (<c>24</c> in <c>192.168.166.0/24</c>).</summary>
    public int PrefixLength { get; }

    /// <summary>The network address (host bits zero), e.g. <c>192.168.166.0</c>.</summary>
    public IPAddress NetworkAddress => ToAddress(network);

    /// <summary>The netmask, e.g. <c>255.255.255.0</c> for a /24.</summary>
    public IPAddress Netmask => ToAddress(MaskOf(PrefixLength));

    /// <summary>The broadcast address (host bits one), e.g. <c>192.168.166.255</c>.</summary>
    public IPAddress BroadcastAddress => ToAddress(network | ~MaskOf(PrefixLength));

    /// <summary>The number of addresses in the subnet, network and broadcast address included.</summary>
    public ulong AddressCount => 1UL << (32 - PrefixLength);

    /// <summary>Creates the subnet of <paramref name="prefixLength"/> bits that contains <paramref name="address"/>.</summary>
    /// <param name="address">Any IPv4 address in the subnet; host bits are cleared.</param>
    /// <param name="prefixLength">0 to 32.</param>
    /// <returns>The subnet.</returns>
    /// <exception cref="ArgumentException"><paramref name="address"/> is not IPv4.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="prefixLength"/> is outside 0 to 32.</exception>
    public static Ipv4Subnet Create(IPAddress address, int prefixLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, 32);
        return new Ipv4Subnet(ToUInt32(address, nameof(address)) & MaskOf(prefixLength), prefixLength);
    }

    /// <summary>Creates the subnet that <paramref name="address"/> and <paramref name="netmask"/> describe, as in <c>&lt;ip address='…' netmask='…'/&gt;</c>.</summary>
    /// <param name="address">Any IPv4 address in the subnet.</param>
    /// <param name="netmask">A contiguous IPv4 netmask such as <c>255.255.255.0</c>.</param>
    /// <returns>The subnet.</returns>
    /// <exception cref="ArgumentException">An address is not IPv4, or the netmask is not contiguous.</exception>
    public static Ipv4Subnet Create(IPAddress address, IPAddress netmask) => Create(address, NetmaskToPrefixLength(netmask));

    /// <summary>Converts a BCL <see cref="IPNetwork"/> (which must be IPv4).</summary>
    /// <param name="network">The network.</param>
    /// <returns>The subnet.</returns>
    /// <exception cref="ArgumentException">The network is IPv6.</exception>
    public static Ipv4Subnet FromIPNetwork(IPNetwork network) => Create(network.BaseAddress, network.PrefixLength);

    /// <summary>The same subnet as a BCL <see cref="IPNetwork"/>.</summary>
    /// <returns>The network.</returns>
    public IPNetwork ToIPNetwork() => new(NetworkAddress, PrefixLength);

    /// <summary>Parses <c>192.168.166.0/24</c> or <c>192.168.166.0/255.255.255.0</c>; host bits are cleared.</summary>
    /// <param name="text">The subnet in CIDR notation.</param>
    /// <returns>The subnet.</returns>
    /// <exception cref="FormatException">The text is not an IPv4 subnet.</exception>
    public static Ipv4Subnet Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var subnet, out _)
            ? subnet
            : throw new FormatException($"'{text}' is not an IPv4 subnet; write it as 192.168.166.0/24 or 192.168.166.0/255.255.255.0.");
    }

    /// <summary>Parses a subnet without throwing; see <see cref="Parse(string)"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="subnet">The subnet when the text is valid.</param>
    /// <returns>Whether the text is an IPv4 subnet.</returns>
    public static bool TryParse(string? text, out Ipv4Subnet subnet) => TryParse(text, out subnet, out _);

    /// <summary>
    /// Parses a subnet and keeps the address as written, so that <c>192.168.166.1/24</c> gives the subnet
    /// <c>192.168.166.0/24</c> and the address <c>192.168.166.1</c>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="subnet">The subnet when the text is valid.</param>
    /// <param name="address">The address before the slash when the text is valid.</param>
    /// <returns>Whether the text is an IPv4 subnet.</returns>
    public static bool TryParse(string? text, out Ipv4Subnet subnet, out IPAddress? address)
    {
        subnet = default;
        address = null;
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (text is null || slash < 0 || !TryParseAddress(text[..slash], out var parsed))
        {
            return false;
        }

        var suffix = text[(slash + 1)..];
        int prefix;
        if (suffix.Contains('.', StringComparison.Ordinal))
        {
            if (!TryParseAddress(suffix, out var mask) || !TryNetmaskToPrefixLength(mask, out prefix))
            {
                return false;
            }
        }
        else if (!int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > 32)
        {
            return false;
        }

        address = parsed;
        subnet = Create(parsed, prefix);
        return true;
    }

    /// <summary>The netmask of a prefix length: 24 gives <c>255.255.255.0</c>.</summary>
    /// <param name="prefixLength">0 to 32.</param>
    /// <returns>The netmask.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="prefixLength"/> is outside 0 to 32.</exception>
    public static IPAddress PrefixLengthToNetmask(int prefixLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, 32);
        return ToAddress(MaskOf(prefixLength));
    }

    /// <summary>The prefix length of a netmask: <c>255.255.255.0</c> gives 24.</summary>
    /// <param name="netmask">A contiguous IPv4 netmask.</param>
    /// <returns>0 to 32.</returns>
    /// <exception cref="ArgumentException">The netmask is not IPv4 or not contiguous (such as <c>255.0.255.0</c>).</exception>
    public static int NetmaskToPrefixLength(IPAddress netmask)
    {
        ArgumentNullException.ThrowIfNull(netmask);
        return TryNetmaskToPrefixLength(netmask, out var prefix)
            ? prefix
            : throw new ArgumentException($"'{netmask}' is not an IPv4 netmask: its one bits must be contiguous from the left.", nameof(netmask));
    }

    /// <summary>Is <paramref name="address"/> in this subnet (network and broadcast address included)?</summary>
    /// <param name="address">An address; IPv6 addresses are never contained.</param>
    /// <returns>Whether the address is in the subnet.</returns>
    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily == AddressFamily.InterNetwork
            && (BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes()) & MaskOf(PrefixLength)) == network;
    }

    /// <summary>The address at <paramref name="offset"/> from the network address: 1 gives <c>192.168.166.1</c> in a /24.</summary>
    /// <param name="offset">0 (the network address) up to <see cref="AddressCount"/> − 1 (the broadcast address).</param>
    /// <returns>The address.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The offset is outside the subnet.</exception>
    public IPAddress AddressAt(ulong offset)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(offset, AddressCount);
        return ToAddress(network + (uint)offset);
    }

    /// <summary>The offset of <paramref name="address"/> from the network address (see <see cref="AddressAt"/>).</summary>
    /// <param name="address">An address in the subnet.</param>
    /// <returns>The offset.</returns>
    /// <exception cref="ArgumentException">The address is not in the subnet.</exception>
    public ulong OffsetOf(IPAddress address) =>
        Contains(address) ? ToUInt32(address, nameof(address)) - network : throw new ArgumentException($"{address} is not in {this}.", nameof(address));

    /// <summary>The subnet in CIDR notation, e.g. <c>192.168.166.0/24</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => NetworkAddress + "/" + PrefixLength.ToString(CultureInfo.InvariantCulture);

    /// <summary>An IPv4 address as a big-endian number, for comparisons.</summary>
    internal static uint ToUInt32(IPAddress address, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(address, parameterName);
        return address.AddressFamily == AddressFamily.InterNetwork
            ? BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes())
            : throw new ArgumentException($"'{address}' is not an IPv4 address.", parameterName);
    }

    /// <summary>Parses dotted-quad IPv4 only: <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> also takes <c>10</c> or <c>10.1</c>.</summary>
    internal static bool TryParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        var parts = text.Split('.');
        if (parts.Length != 4 || parts.Any(p => p.Length is 0 or > 3 || !p.All(char.IsAsciiDigit)) || !IPAddress.TryParse(text, out var parsed))
        {
            return false;
        }

        address = parsed;
        return true;
    }

    private static bool TryNetmaskToPrefixLength(IPAddress netmask, out int prefix)
    {
        prefix = 0;
        if (netmask.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        var mask = BinaryPrimitives.ReadUInt32BigEndian(netmask.GetAddressBytes());
        prefix = System.Numerics.BitOperations.LeadingZeroCount(~mask);
        return MaskOf(prefix) == mask;
    }

    private static uint MaskOf(int prefixLength) => prefixLength == 0 ? 0 : uint.MaxValue << (32 - prefixLength);

    private static IPAddress ToAddress(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPAddress(bytes);
    }
}
