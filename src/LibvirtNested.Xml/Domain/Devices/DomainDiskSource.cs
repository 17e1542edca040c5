using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Domain;

/// <summary>
/// <c>/domain/devices/disk/source</c>: the host side of a disk. Which attributes apply depends on the disk's
/// <see cref="DomainDisk.Type"/>: <see cref="File"/> (file), <see cref="Dev"/> (block), <see cref="Dir"/> (dir),
/// <see cref="Pool"/> and <see cref="Volume"/> (volume), <see cref="Protocol"/>, <see cref="Name"/> and
/// <see cref="Hosts"/> (network).
/// </summary>
public sealed class DomainDiskSource : XmlView
{
    // Views handed out before; see ViewCache for why a cached view never outlives its element.
    private ViewList<DomainDiskSourceHost>? cachedHosts;

    /// <summary>Creates a view over a disk's <c>&lt;source&gt;</c>.</summary>
    /// <param name="element">The element.</param>
    public DomainDiskSource(XElement element)
        : base(element)
    {
    }

    /// <summary><c>@file</c>: the image file of a <c>type='file'</c> disk.</summary>
    public string? File
    {
        get => GetAttribute("file");
        set => SetAttribute("file", value);
    }

    /// <summary><c>@dev</c>: the host block device of a <c>type='block'</c> disk.</summary>
    public string? Dev
    {
        get => GetAttribute("dev");
        set => SetAttribute("dev", value);
    }

    /// <summary><c>@dir</c>: the host directory of a <c>type='dir'</c> disk.</summary>
    public string? Dir
    {
        get => GetAttribute("dir");
        set => SetAttribute("dir", value);
    }

    /// <summary><c>@pool</c>: the storage pool of a <c>type='volume'</c> disk.</summary>
    public string? Pool
    {
        get => GetAttribute("pool");
        set => SetAttribute("pool", value);
    }

    /// <summary><c>@volume</c>: the volume in <see cref="Pool"/>.</summary>
    public string? Volume
    {
        get => GetAttribute("volume");
        set => SetAttribute("volume", value);
    }

    /// <summary><c>@protocol</c>: the protocol of a <c>type='network'</c> disk (<c>nbd</c>, <c>iscsi</c>, <c>rbd</c>, <c>http</c>, …).</summary>
    public string? Protocol
    {
        get => GetAttribute("protocol");
        set => SetAttribute("protocol", value);
    }

    /// <summary><c>@name</c>: the image or volume name on the network server.</summary>
    public string? Name
    {
        get => GetAttribute("name");
        set => SetAttribute("name", value);
    }

    /// <summary><c>host</c> elements: the servers of a network disk, in document order.</summary>
    public IReadOnlyList<DomainDiskSourceHost> Hosts => ViewCache.Children(ref cachedHosts, Element, "host", static e => new DomainDiskSourceHost(e));

    /// <summary>Adds a <c>&lt;host name='…' port='…' transport='…'/&gt;</c> after the existing ones.</summary>
    /// <param name="name">Host name or address (or socket-less host for unix transport).</param>
    /// <param name="port">Port, or <see langword="null"/> for the protocol's default.</param>
    /// <param name="transport">Transport (<c>tcp</c>, <c>rdma</c>, <c>unix</c>), or <see langword="null"/>.</param>
    /// <returns>The new host.</returns>
    public DomainDiskSourceHost AddHost(string name, int? port = null, string? transport = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var host = new DomainDiskSourceHost(new XElement("host")) { Name = name, Port = port, Transport = transport };
        var last = Element.Elements("host").LastOrDefault();
        if (last is null)
        {
            AddChild(host.Element);
        }
        else
        {
            Internal.XmlTree.InsertAfter(last, host.Element);
        }

        return host;
    }
}
