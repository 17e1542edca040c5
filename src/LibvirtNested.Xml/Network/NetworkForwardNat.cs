using System.Globalization;
using System.Net;
using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Network;

/// <summary><c>/network/forward/nat</c>: which public addresses and source ports masquerading may use.</summary>
public sealed class NetworkForwardNat : XmlView
{
    private static readonly string[] Order = ["address", "port"];

    internal NetworkForwardNat(XElement element)
        : base(element)
    {
    }

    /// <summary><c>/network/forward/nat/@ipv6</c>: also masquerade IPv6 (libvirt 6.5+); <see langword="null"/> when absent.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not yes/no (on read).</exception>
    public bool? Ipv6
    {
        get => GetBooleanAttribute("ipv6");
        set => SetYesNoAttribute("ipv6", value);
    }

    /// <summary><c>/network/forward/nat/address/@start</c>: first public IPv4 address used for NAT.</summary>
    public string? AddressStart => GetChild("address")?.Attribute("start")?.Value;

    /// <summary><c>/network/forward/nat/address/@end</c>: last public IPv4 address used for NAT.</summary>
    public string? AddressEnd => GetChild("address")?.Attribute("end")?.Value;

    /// <summary><c>/network/forward/nat/port/@start</c>: first source port used for NAT.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not a port number (on read).</exception>
    public int? PortStart => ReadPort("start");

    /// <summary><c>/network/forward/nat/port/@end</c>: last source port used for NAT.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not a port number (on read).</exception>
    public int? PortEnd => ReadPort("end");

    /// <summary>Sets <c>&lt;address start end&gt;</c>; <see langword="null"/> for both removes it.</summary>
    /// <param name="start">First address.</param>
    /// <param name="end">Last address.</param>
    /// <exception cref="ArgumentException">Only one of the two is given, or an address is not IPv4.</exception>
    public void SetAddressRange(IPAddress? start, IPAddress? end)
    {
        SetRange("address", start is null ? null : Ipv4(start, nameof(start)), end is null ? null : Ipv4(end, nameof(end)));
    }

    /// <summary>Sets <c>&lt;port start end&gt;</c>; <see langword="null"/> for both removes it.</summary>
    /// <param name="start">First port, 1 to 65535.</param>
    /// <param name="end">Last port, <paramref name="start"/> to 65535.</param>
    /// <exception cref="ArgumentException">Only one of the two is given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A port is outside 1 to 65535, or end is before start.</exception>
    public void SetPortRange(int? start, int? end)
    {
        if (start is { } s && end is { } e)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(s, 1, nameof(start));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(e, 65535, nameof(end));
            ArgumentOutOfRangeException.ThrowIfLessThan(e, s, nameof(end));
        }

        SetRange("port", start?.ToString(CultureInfo.InvariantCulture), end?.ToString(CultureInfo.InvariantCulture));
    }

    private static string Ipv4(IPAddress address, string parameterName)
    {
        _ = Ipv4Subnet.ToUInt32(address, parameterName);
        return address.ToString();
    }

    private void SetRange(string name, string? start, string? end)
    {
        if (start is null && end is null)
        {
            RemoveChildren(name);
            return;
        }

        if (start is null || end is null)
        {
            throw new ArgumentException($"A NAT {name} range needs both a start and an end (got start '{start}', end '{end}').", start is null ? nameof(start) : nameof(end));
        }

        var element = ElementOrder.GetOrAdd(Element, name, Order);
        element.SetAttributeValue("start", start);
        element.SetAttributeValue("end", end);
    }

    private int? ReadPort(string attribute)
    {
        var port = GetChild("port");
        var value = port?.Attribute(attribute)?.Value;
        if (port is null || value is null)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= 65535
            ? number
            : throw XmlValues.Error(port, attribute, value, "a port number from 0 to 65535");
    }
}
