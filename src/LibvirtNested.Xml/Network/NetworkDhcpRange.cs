using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Network;

/// <summary><c>/network/ip/dhcp/range</c>: a block of addresses the DHCP server hands out.</summary>
public sealed class NetworkDhcpRange : XmlView
{
    // Views handed out before; see ViewCache for why a cached view never outlives its element.
    private NetworkDhcpLease? cachedLease;

    internal NetworkDhcpRange(XElement element)
        : base(element)
    {
    }

    /// <summary><c>@start</c>: the first address handed out.</summary>
    public string? Start
    {
        get => GetAttribute("start");
        set => SetAttribute("start", value);
    }

    /// <summary><c>@end</c>: the last address handed out.</summary>
    public string? End
    {
        get => GetAttribute("end");
        set => SetAttribute("end", value);
    }

    /// <summary><c>lease</c>: the lease time of this range; <see langword="null"/> when absent (dnsmasq's default, one hour).</summary>
    public NetworkDhcpLease? Lease => ViewCache.Child(ref cachedLease, GetChild("lease"), static e => new NetworkDhcpLease(e));

    /// <summary>Sets <c>&lt;lease expiry unit/&gt;</c>; <paramref name="expiry"/> <see langword="null"/> removes it.</summary>
    /// <param name="expiry">The lease time; 0 means infinite.</param>
    /// <param name="unit"><c>seconds</c>, <c>minutes</c> or <c>hours</c>; <see langword="null"/> leaves libvirt's default (minutes).</param>
    public void SetLease(ulong? expiry, string? unit = null) => NetworkDhcpLease.Set(Element, expiry, unit);
}
