using System.Xml.Linq;

namespace LibvirtNested.Xml.Domain;

/// <summary><c>/domain/devices/disk/source/host</c>: one server of a network disk.</summary>
public sealed class DomainDiskSourceHost : XmlView
{
    /// <summary>Creates a view over a <c>&lt;host&gt;</c> of a disk source.</summary>
    /// <param name="element">The element.</param>
    public DomainDiskSourceHost(XElement element)
        : base(element)
    {
    }

    /// <summary><c>@name</c>: host name or address.</summary>
    public string? Name
    {
        get => GetAttribute("name");
        set => SetAttribute("name", value);
    }

    /// <summary><c>@port</c>: the server port.</summary>
    /// <exception cref="LibvirtXmlValueException">The port is not a number (on read).</exception>
    public int? Port
    {
        get => GetInt32Attribute("port");
        set => SetNumberAttribute("port", value);
    }

    /// <summary><c>@transport</c>: <c>tcp</c>, <c>rdma</c> or <c>unix</c>.</summary>
    public string? Transport
    {
        get => GetAttribute("transport");
        set => SetAttribute("transport", value);
    }

    /// <summary><c>@socket</c>: the UNIX socket path when <see cref="Transport"/> is <c>unix</c>.</summary>
    public string? Socket
    {
        get => GetAttribute("socket");
        set => SetAttribute("socket", value);
    }
}
