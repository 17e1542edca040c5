namespace LibvirtNested.Xml.Domain;

/// <summary><c>/domain/devices/interface/@type</c>: how the guest's network interface is connected on the host. Unknown values round-trip unchanged.</summary>
/// <param name="Value">The attribute value as libvirt writes it.</param>
public readonly record struct DomainInterfaceType(string Value)
{
    /// <summary><c>network</c>.</summary>
    public static DomainInterfaceType Network { get; } = new("network");

    /// <summary><c>bridge</c>.</summary>
    public static DomainInterfaceType Bridge { get; } = new("bridge");

    /// <summary><c>direct</c>.</summary>
    public static DomainInterfaceType Direct { get; } = new("direct");

    /// <summary><c>user</c>.</summary>
    public static DomainInterfaceType User { get; } = new("user");

    /// <summary><c>ethernet</c>.</summary>
    public static DomainInterfaceType Ethernet { get; } = new("ethernet");

    /// <summary><c>vhostuser</c>.</summary>
    public static DomainInterfaceType Vhostuser { get; } = new("vhostuser");

    /// <summary><c>hostdev</c>.</summary>
    public static DomainInterfaceType Hostdev { get; } = new("hostdev");

    /// <summary><c>server</c>.</summary>
    public static DomainInterfaceType Server { get; } = new("server");

    /// <summary><c>client</c>.</summary>
    public static DomainInterfaceType Client { get; } = new("client");

    /// <summary><c>mcast</c>.</summary>
    public static DomainInterfaceType Mcast { get; } = new("mcast");

    /// <summary><c>udp</c>.</summary>
    public static DomainInterfaceType Udp { get; } = new("udp");

    /// <summary><c>vdpa</c>.</summary>
    public static DomainInterfaceType Vdpa { get; } = new("vdpa");

    /// <summary><c>null</c>.</summary>
    public static DomainInterfaceType Null { get; } = new("null");

    /// <summary><c>vds</c>.</summary>
    public static DomainInterfaceType Vds { get; } = new("vds");

    /// <summary>The attribute value.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}
