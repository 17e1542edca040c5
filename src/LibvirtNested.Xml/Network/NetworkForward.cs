using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Network;

/// <summary><c>/network/forward</c>: how guest traffic leaves the network (NAT, routing, bridging, macvtap, SR-IOV).</summary>
public sealed class NetworkForward : XmlView
{
    private static readonly string[] Order = ["nat", "pf", "driver", "interface", "address"];

    // Views handed out before; see ViewCache for why a cached view never outlives its element.
    private NetworkForwardNat? cachedNat;

    internal NetworkForward(XElement element)
        : base(element)
    {
    }

    /// <summary><c>/network/forward/@mode</c>; <see langword="null"/> when absent (libvirt then assumes <c>nat</c>).</summary>
    public NetworkForwardMode? Mode
    {
        get => GetAttribute("mode") is { } mode ? new NetworkForwardMode(mode) : null;
        set => SetAttribute("mode", value?.Value);
    }

    /// <summary><c>/network/forward/@dev</c>: the host interface that NAT or routed traffic must leave through.</summary>
    public string? Dev
    {
        get => GetAttribute("dev");
        set => SetAttribute("dev", value);
    }

    /// <summary><c>/network/forward/nat</c>: the NAT address and port ranges; <see langword="null"/> when absent.</summary>
    public NetworkForwardNat? Nat => ViewCache.Child(ref cachedNat, GetChild("nat"), static e => new NetworkForwardNat(e));

    /// <summary>The host interfaces of a bridge/macvtap pool: <c>/network/forward/interface/@dev</c>.</summary>
    public IReadOnlyList<string> InterfaceDevs =>
        Element.Elements("interface").Select(i => i.Attribute("dev")?.Value).OfType<string>().ToList();

    /// <summary><c>/network/forward/nat</c>, added when absent.</summary>
    /// <returns>The NAT settings.</returns>
    public NetworkForwardNat GetOrAddNat() => new(ChildOrder.GetOrAdd(Element, "nat", Order));

    /// <summary>Removes <c>/network/forward/nat</c>, returning libvirt to its default NAT ranges.</summary>
    public void RemoveNat() => RemoveChildren("nat");
}
