using System.Xml.Linq;

namespace LibvirtNested.Xml.Domain;

/// <summary>
/// <c>/domain/devices/interface/source</c>: the host side of a NIC: <see cref="Network"/> (type network),
/// <see cref="Bridge"/> (type bridge), <see cref="Dev"/> and <see cref="Mode"/> (type direct: macvtap).
/// </summary>
public sealed class DomainInterfaceSource : XmlView
{
    /// <summary>Creates a view over an interface's <c>&lt;source&gt;</c>.</summary>
    /// <param name="element">The element.</param>
    public DomainInterfaceSource(XElement element)
        : base(element)
    {
    }

    /// <summary><c>@network</c>: the libvirt virtual network.</summary>
    public string? Network
    {
        get => GetAttribute("network");
        set => SetAttribute("network", value);
    }

    /// <summary><c>@bridge</c>: the host bridge.</summary>
    public string? Bridge
    {
        get => GetAttribute("bridge");
        set => SetAttribute("bridge", value);
    }

    /// <summary><c>@dev</c>: the host device (macvtap's lower device for type direct).</summary>
    public string? Dev
    {
        get => GetAttribute("dev");
        set => SetAttribute("dev", value);
    }

    /// <summary><c>@mode</c>: macvtap mode for type direct (<c>vepa</c>, <c>bridge</c>, <c>private</c>, <c>passthrough</c>).</summary>
    public string? Mode
    {
        get => GetAttribute("mode");
        set => SetAttribute("mode", value);
    }
}
