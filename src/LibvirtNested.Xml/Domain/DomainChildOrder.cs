using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Domain;

/// <summary>
/// Where a new child goes: libvirt's schema lets most domain elements come in any order, but a person reading a
/// document expects the order <c>virsh dumpxml</c> prints. A new element is placed after the last sibling that
/// libvirt writes before it (or before the first one it writes after it), so an edit never reorders what is there.
/// </summary>
internal static class DomainChildOrder
{
    /// <summary>The children of <c>&lt;domain&gt;</c> in the order libvirt's formatter writes them.</summary>
    public static readonly IReadOnlyList<string> Domain =
    [
        "name", "uuid", "genid", "title", "description", "metadata", "maxMemory", "memory", "currentMemory",
        "blkiotune", "memtune", "memoryBacking", "vcpu", "vcpus", "iothreads", "iothreadids", "defaultiothread",
        "cputune", "numatune", "resource", "sysinfo", "bootloader", "bootloader_args", "os", "idmap", "features",
        "cpu", "clock", "on_poweroff", "on_reboot", "on_crash", "on_lockfailure", "pm", "perf", "devices",
        "seclabel", "keywrap", "launchSecurity",
    ];

    /// <summary>The children of <c>/domain/os</c> in libvirt's order.</summary>
    public static readonly IReadOnlyList<string> Os =
    [
        "type", "firmware", "init", "initarg", "initenv", "initdir", "inituser", "initgroup", "loader", "nvram",
        "kernel", "initrd", "cmdline", "dtb", "root", "acpi", "boot", "bootmenu", "smbios", "bios",
    ];

    /// <summary>The children of <c>/domain/cpu</c> in libvirt's order.</summary>
    public static readonly IReadOnlyList<string> Cpu =
    [
        "model", "vendor", "topology", "cache", "maxphysaddr", "feature", "numa",
    ];

    /// <summary>The first child named <paramref name="name"/>, inserted at its place in <paramref name="order"/> when absent.</summary>
    public static XElement GetOrAdd(XElement parent, string name, IReadOnlyList<string> order) =>
        parent.Element(name) ?? Insert(parent, new XElement(name), order);

    /// <summary>Inserts a new, whitespace-free <paramref name="child"/> at its place in <paramref name="order"/>, indented like its siblings.</summary>
    public static XElement Insert(XElement parent, XElement child, IReadOnlyList<string> order)
    {
        var rank = RankOf(child.Name, order);
        if (rank < 0)
        {
            return XmlTree.Append(parent, child);
        }

        XElement? before = null;
        XElement? after = null;
        foreach (var sibling in parent.Elements())
        {
            var siblingRank = RankOf(sibling.Name, order);
            if (siblingRank < 0)
            {
                continue;
            }

            if (siblingRank <= rank)
            {
                before = sibling;
            }
            else
            {
                after ??= sibling;
            }
        }

        if (before is not null)
        {
            return XmlTree.InsertAfter(before, child);
        }

        return after is not null ? XmlTree.InsertBefore(after, child) : XmlTree.Append(parent, child);
    }

    /// <summary>Sets the text of the first child named <paramref name="name"/>, adding it in order; <see langword="null"/> removes every such child.</summary>
    public static void SetText(XElement parent, string name, string? value, IReadOnlyList<string> order)
    {
        if (value is null)
        {
            foreach (var child in parent.Elements(name).ToList())
            {
                XmlTree.Remove(child);
            }

            return;
        }

        GetOrAdd(parent, name, order).Value = value;
    }

    private static int RankOf(XName name, IReadOnlyList<string> order)
    {
        if (name.Namespace != XNamespace.None)
        {
            return -1;
        }

        for (var i = 0; i < order.Count; i++)
        {
            if (string.Equals(order[i], name.LocalName, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
