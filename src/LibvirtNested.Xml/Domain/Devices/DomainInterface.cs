using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Domain;

/// <summary><c>/domain/devices/interface</c> (formatdomain.html "Network interfaces"): a guest NIC and how it is connected on the host.</summary>
public sealed class DomainInterface : DomainDevice
{
    // Views handed out before; see ViewCache for why a cached view never outlives its element.
    private DomainInterfaceSource? cachedSource;

    /// <summary>Creates a view over an <c>&lt;interface&gt;</c> element.</summary>
    /// <param name="element">The element.</param>
    /// <exception cref="ArgumentException">The element is not an <c>&lt;interface&gt;</c>.</exception>
    public DomainInterface(XElement element)
        : base(element, "interface")
    {
    }

    /// <summary><c>@type</c>: the connection (<c>network</c>, <c>bridge</c>, <c>direct</c>, <c>user</c>, <c>ethernet</c>, <c>vhostuser</c>, <c>hostdev</c>, …).</summary>
    public DomainInterfaceType? Type
    {
        get => GetAttribute("type") is { } v ? new DomainInterfaceType(v) : null;
        set => SetAttribute("type", value?.Value);
    }

    /// <summary><c>source</c>: the host side (network name, bridge, device and mode), or <see langword="null"/>.</summary>
    public DomainInterfaceSource? Source => ViewCache.Child(ref cachedSource, GetChild("source"), static e => new DomainInterfaceSource(e));

    /// <summary>The <c>source</c> element, added when absent.</summary>
    /// <returns>The source view.</returns>
    public DomainInterfaceSource GetOrAddSource() => new(GetOrAddChild("source"));

    /// <summary><c>mac/@address</c>: the guest's MAC address, such as <c>52:54:00:12:34:56</c>; libvirt generates one when absent.</summary>
    public string? Mac
    {
        get => GetChildAttribute("mac", "address");
        set => SetChildAttribute("mac", "address", value);
    }

    /// <summary><c>model/@type</c>: the emulated NIC (<c>virtio</c>, <c>e1000e</c>, <c>rtl8139</c>, …).</summary>
    public string? Model
    {
        get => GetChildAttribute("model", "type");
        set => SetChildAttribute("model", "type", value);
    }

    /// <summary><c>target/@dev</c>: the host-side tap device name.</summary>
    public string? TargetDev
    {
        get => GetChildAttribute("target", "dev");
        set => SetChildAttribute("target", "dev", value);
    }

    /// <summary><c>boot/@order</c>: the interface's place in the boot order (PXE); <see langword="null"/> removes <c>&lt;boot&gt;</c>.</summary>
    /// <exception cref="LibvirtXmlValueException">The order is not a number (on read).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The new order is below 1.</exception>
    public int? BootOrder
    {
        get => GetBootOrder();
        set => SetBootOrder(value);
    }
}
