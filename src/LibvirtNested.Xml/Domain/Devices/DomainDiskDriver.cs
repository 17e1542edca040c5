using System.Xml.Linq;

namespace LibvirtNested.Xml.Domain;

/// <summary><c>/domain/devices/disk/driver</c>: how the hypervisor opens the disk's data.</summary>
public sealed class DomainDiskDriver : XmlView
{
    /// <summary>Creates a view over a disk's <c>&lt;driver&gt;</c>.</summary>
    /// <param name="element">The element.</param>
    public DomainDiskDriver(XElement element)
        : base(element)
    {
    }

    /// <summary><c>@name</c>: the driver, <c>qemu</c> for QEMU/KVM.</summary>
    public string? Name
    {
        get => GetAttribute("name");
        set => SetAttribute("name", value);
    }

    /// <summary><c>@type</c>: the image format (<c>raw</c>, <c>qcow2</c>, …).</summary>
    public string? Type
    {
        get => GetAttribute("type");
        set => SetAttribute("type", value);
    }

    /// <summary><c>@cache</c>: host cache mode (<c>none</c>, <c>writeback</c>, <c>writethrough</c>, <c>directsync</c>, <c>unsafe</c>, <c>default</c>).</summary>
    public string? Cache
    {
        get => GetAttribute("cache");
        set => SetAttribute("cache", value);
    }

    /// <summary><c>@io</c>: I/O mode (<c>threads</c>, <c>native</c>, <c>io_uring</c>).</summary>
    public string? Io
    {
        get => GetAttribute("io");
        set => SetAttribute("io", value);
    }

    /// <summary><c>@discard</c>: whether guest discard requests are passed on (<c>unmap</c>) or dropped (<c>ignore</c>).</summary>
    public string? Discard
    {
        get => GetAttribute("discard");
        set => SetAttribute("discard", value);
    }
}
