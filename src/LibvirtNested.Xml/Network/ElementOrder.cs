using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Network;

/// <summary>
/// Inserts new elements where libvirt itself would write them (its formatter's order), so a generated or edited
/// document reads like <c>virsh net-dumpxml</c> output. Elements the order does not name are stepped over.
/// </summary>
internal static class ElementOrder
{
    /// <summary>The first child named <paramref name="name"/>, added at its place in <paramref name="order"/> when absent.</summary>
    public static XElement GetOrAdd(XElement parent, XName name, IReadOnlyList<string> order) =>
        parent.Element(name) ?? Insert(parent, new XElement(name), order);

    /// <summary>Inserts <paramref name="child"/> after the last sibling that comes no later in <paramref name="order"/>.</summary>
    public static XElement Insert(XElement parent, XElement child, IReadOnlyList<string> order)
    {
        var rank = IndexOf(order, child.Name.LocalName);
        if (rank < 0)
        {
            return XmlTree.Append(parent, child);
        }

        XElement? after = null;
        XElement? before = null;
        foreach (var sibling in parent.Elements())
        {
            var siblingRank = IndexOf(order, sibling.Name.LocalName);
            if (siblingRank < 0)
            {
                continue;
            }

            if (siblingRank <= rank)
            {
                after = sibling;
            }
            else
            {
                before ??= sibling;
            }
        }

        if (after is not null)
        {
            return XmlTree.InsertAfter(after, child);
        }

        return before is not null ? XmlTree.InsertBefore(before, child) : XmlTree.Append(parent, child);
    }

    private static int IndexOf(IReadOnlyList<string> order, string name)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (string.Equals(order[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
