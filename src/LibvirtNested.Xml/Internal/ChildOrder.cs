using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace LibvirtNested.Xml.Internal;

/// <summary>
/// Where a new child goes: libvirt's schemas let most elements come in any order, but a person reading a document
/// expects the order <c>virsh dumpxml</c> prints. A new element is placed after the last sibling that libvirt
/// writes before it (or before the first one it writes after it), so an edit never reorders what is there.
/// Each document kind keeps its own order lists (e.g. <c>DomainChildOrder</c>).
/// </summary>
internal static class ChildOrder
{
    /// <summary>The first child named <paramref name="name"/>, inserted at its place in <paramref name="order"/> when absent.</summary>
    public static XElement GetOrAdd(XElement parent, XName name, IReadOnlyList<string> order) =>
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
    public static void SetText(XElement parent, XName name, string? value, IReadOnlyList<string> order)
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

    /// <summary>Each order list's ranks by name, made once per list (the lists are static and never change).</summary>
    private static readonly ConditionalWeakTable<IReadOnlyList<string>, Dictionary<string, int>> Ranks = new();

    private static int RankOf(XName name, IReadOnlyList<string> order)
    {
        if (name.Namespace != XNamespace.None)
        {
            return -1;
        }

        // A lookup instead of comparing with every entry: this runs for every sibling of every inserted element.
        var ranks = Ranks.GetValue(order, static list =>
        {
            var byName = new Dictionary<string, int>(list.Count, StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++)
            {
                byName.TryAdd(list[i], i);
            }

            return byName;
        });
        return ranks.TryGetValue(name.LocalName, out var rank) ? rank : -1;
    }
}
