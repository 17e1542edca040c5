using System.Globalization;
using System.Xml.Linq;

namespace LibvirtNested.Xml.Network;

/// <summary><c>/network/bridge</c>: the Linux bridge device that backs the network on the host (e.g. <c>virbr1</c>).</summary>
public sealed class NetworkBridge : XmlView
{
    internal NetworkBridge(XElement element)
        : base(element)
    {
    }

    /// <summary><c>/network/bridge/@name</c>: the bridge device name (at most 15 characters); libvirt picks <c>virbrN</c> when absent.</summary>
    public string? Name
    {
        get => GetAttribute("name");
        set => SetAttribute("name", value);
    }

    /// <summary><c>/network/bridge/@stp</c>: Spanning Tree Protocol on/off; <see langword="null"/> when absent (libvirt's default is on).</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not on/off (on read).</exception>
    public bool? Stp
    {
        get => GetBooleanAttribute("stp");
        set => SetAttribute("stp", value switch { null => null, true => "on", false => "off" });
    }

    /// <summary><c>/network/bridge/@delay</c>: the STP forward delay in seconds.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not a non-negative number (on read).</exception>
    public ulong? Delay
    {
        get => GetUInt64Attribute("delay");
        set => SetAttribute("delay", value?.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary><c>/network/bridge/@macTableManager</c>: <c>kernel</c> or <c>libvirt</c>.</summary>
    public string? MacTableManager
    {
        get => GetAttribute("macTableManager");
        set => SetAttribute("macTableManager", value);
    }

    /// <summary><c>/network/bridge/@zone</c>: the firewalld zone of the bridge.</summary>
    public string? Zone
    {
        get => GetAttribute("zone");
        set => SetAttribute("zone", value);
    }
}
