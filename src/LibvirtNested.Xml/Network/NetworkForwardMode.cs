namespace LibvirtNested.Xml.Network;

/// <summary>
/// <c>/network/forward/@mode</c>: how the network reaches the outside world. Values unknown to this version
/// (from a newer libvirt) round-trip unchanged.
/// </summary>
/// <param name="Value">The attribute value as written in the XML.</param>
public readonly record struct NetworkForwardMode(string Value)
{
    /// <summary><c>nat</c>: guests are masqueraded behind the host's address (libvirt's default network).</summary>
    public static NetworkForwardMode Nat { get; } = new("nat");

    /// <summary><c>route</c>: guest traffic is routed to the host's network without NAT.</summary>
    public static NetworkForwardMode Route { get; } = new("route");

    /// <summary><c>open</c>: like <c>route</c> but libvirt adds no firewall rules at all.</summary>
    public static NetworkForwardMode Open { get; } = new("open");

    /// <summary><c>bridge</c>: guests join an existing host bridge (or an Open vSwitch bridge).</summary>
    public static NetworkForwardMode Bridge { get; } = new("bridge");

    /// <summary><c>private</c>: macvtap private mode on a physical device.</summary>
    public static NetworkForwardMode Private { get; } = new("private");

    /// <summary><c>vepa</c>: macvtap VEPA mode (traffic hairpins through the external switch).</summary>
    public static NetworkForwardMode Vepa { get; } = new("vepa");

    /// <summary><c>passthrough</c>: macvtap passthrough of a whole physical device to one guest.</summary>
    public static NetworkForwardMode Passthrough { get; } = new("passthrough");

    /// <summary><c>hostdev</c>: SR-IOV virtual functions assigned to guests directly (PCI passthrough).</summary>
    public static NetworkForwardMode Hostdev { get; } = new("hostdev");

    /// <summary>The attribute value.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}
