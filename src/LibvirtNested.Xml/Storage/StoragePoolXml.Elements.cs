using LibvirtNested.Xml.Internal;
namespace LibvirtNested.Xml.Storage;

/// <content>The typed elements of <c>&lt;pool&gt;</c>.</content>
public sealed partial class StoragePoolXml
{
    private static readonly string[] Order = ["name", "uuid", "capacity", "allocation", "available", "features", "source", "target"];

    /// <summary><c>/pool/@type</c>: <c>dir</c>, <c>fs</c>, <c>netfs</c>, <c>logical</c>, <c>disk</c>, <c>iscsi</c>, …</summary>
    public StoragePoolType? Type
    {
        get => GetAttribute("type") is { } value ? new StoragePoolType(value) : null;
        set => SetAttribute("type", value?.Value);
    }

    /// <summary><c>/pool/name</c>: the pool's unique name.</summary>
    public string? Name
    {
        get => GetChildText("name");
        set => ChildOrder.SetText(Element, "name", value, Order);
    }

    /// <summary><c>/pool/uuid</c>; libvirt generates one when absent.</summary>
    /// <exception cref="LibvirtXmlValueException">The element does not hold a UUID (on read).</exception>
    public Guid? Uuid
    {
        get => XmlValues.ParseUuid(GetChild("uuid"));
        set => ChildOrder.SetText(Element, "uuid", value?.ToString("D", System.Globalization.CultureInfo.InvariantCulture), Order);
    }

    /// <summary><c>/pool/capacity</c> in bytes: the pool's total size (output of a running pool).</summary>
    /// <exception cref="LibvirtXmlValueException">The size is malformed (on read).</exception>
    public ulong? CapacityBytes => StorageElements.ReadSize(Element, "capacity");

    /// <summary><c>/pool/allocation</c> in bytes: the space used by volumes.</summary>
    /// <exception cref="LibvirtXmlValueException">The size is malformed (on read).</exception>
    public ulong? AllocationBytes => StorageElements.ReadSize(Element, "allocation");

    /// <summary><c>/pool/available</c> in bytes: the space left for new volumes.</summary>
    /// <exception cref="LibvirtXmlValueException">The size is malformed (on read).</exception>
    public ulong? AvailableBytes => StorageElements.ReadSize(Element, "available");

    /// <summary><c>/pool/target/path</c>: the host folder (dir pools) or device folder where volumes appear.</summary>
    public string? TargetPath
    {
        get => StorageElements.ReadTarget(Element, "path");
        set => StorageElements.WriteTarget(Element, "path", value, Order);
    }

    /// <summary><c>/pool/source/device/@path</c>: the block device of a disk, fs or logical pool.</summary>
    public string? SourceDevicePath => GetChild("source")?.Element("device")?.Attribute("path")?.Value;

    /// <summary><c>/pool/source/dir/@path</c>: the exported folder of a netfs pool.</summary>
    public string? SourceDirPath => GetChild("source")?.Element("dir")?.Attribute("path")?.Value;
}
