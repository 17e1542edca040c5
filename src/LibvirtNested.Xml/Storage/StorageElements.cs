using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Storage;

/// <summary>Reading and writing the parts that pools and volumes share: sizes, target path and format.</summary>
internal static class StorageElements
{
    /// <summary>The order of <c>&lt;target&gt;</c>'s children in libvirt's formatter.</summary>
    public static readonly string[] TargetOrder = ["path", "format", "permissions", "timestamps", "encryption", "compat", "clusterSize", "nocow", "features"];

    /// <summary>A size element in bytes; libvirt's storage sizes default to bytes when <c>unit</c> is absent.</summary>
    public static ulong? ReadSize(XElement root, string name) => DataSize.ReadBytes(root.Element(name), "bytes");

    /// <summary>Writes a size element at its place in <paramref name="order"/>; <see langword="null"/> removes it.</summary>
    public static void WriteSize(XElement root, string name, ulong? bytes, IReadOnlyList<string> order)
    {
        if (bytes is null)
        {
            foreach (var element in root.Elements(name).ToList())
            {
                XmlTree.Remove(element);
            }

            return;
        }

        DataSize.WriteBytes(ChildOrder.GetOrAdd(root, name, order), bytes.Value);
    }

    /// <summary>The text of <c>target/{name}</c>, or an attribute of it.</summary>
    public static string? ReadTarget(XElement root, string name, string? attribute = null)
    {
        var element = root.Element("target")?.Element(name);
        return attribute is null ? element?.Value : element?.Attribute(attribute)?.Value;
    }

    /// <summary>Writes the text (or an attribute) of <c>target/{name}</c>, adding <c>target</c> when needed; <see langword="null"/> removes the element.</summary>
    public static void WriteTarget(XElement root, string name, string? value, IReadOnlyList<string> rootOrder, string? attribute = null)
    {
        var target = root.Element("target");
        if (value is null)
        {
            if (target?.Element(name) is { } existing)
            {
                XmlTree.Remove(existing);
            }

            return;
        }

        target ??= ChildOrder.GetOrAdd(root, "target", rootOrder);
        var element = ChildOrder.GetOrAdd(target, name, TargetOrder);
        if (attribute is null)
        {
            element.Value = value;
        }
        else
        {
            element.SetAttributeValue(attribute, value);
        }
    }
}
