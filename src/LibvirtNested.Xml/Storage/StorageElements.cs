using System.Xml.Linq;
using LibvirtNested.Xml.Internal;
using LibvirtNested.Xml.Network;

namespace LibvirtNested.Xml.Storage;

/// <summary>Reading and writing the parts that pools and volumes share: sizes, target path and format, UUIDs.</summary>
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
            Remove(root, name);
            return;
        }

        DataSize.WriteBytes(ElementOrder.GetOrAdd(root, name, order), bytes.Value);
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

        target ??= ElementOrder.GetOrAdd(root, "target", rootOrder);
        var element = ElementOrder.GetOrAdd(target, name, TargetOrder);
        if (attribute is null)
        {
            element.Value = value;
        }
        else
        {
            element.SetAttributeValue(attribute, value);
        }
    }

    /// <summary>Reads a <c>&lt;uuid&gt;</c> child.</summary>
    public static Guid? ReadUuid(XElement root)
    {
        var uuid = root.Element("uuid");
        if (uuid is null)
        {
            return null;
        }

        return Guid.TryParse(uuid.Value.Trim(), out var guid) ? guid : throw XmlValues.Error(uuid, (string?)null, uuid.Value, "a UUID");
    }

    /// <summary>Writes the text of a child at its place in <paramref name="order"/>; <see langword="null"/> removes it.</summary>
    public static void WriteText(XElement root, string name, string? value, IReadOnlyList<string> order)
    {
        if (value is null)
        {
            Remove(root, name);
            return;
        }

        ElementOrder.GetOrAdd(root, name, order).Value = value;
    }

    private static void Remove(XElement root, string name)
    {
        foreach (var element in root.Elements(name).ToList())
        {
            XmlTree.Remove(element);
        }
    }
}
