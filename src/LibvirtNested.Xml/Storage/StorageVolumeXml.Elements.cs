namespace LibvirtNested.Xml.Storage;

/// <content>The typed elements of <c>&lt;volume&gt;</c>.</content>
public sealed partial class StorageVolumeXml
{
    private static readonly string[] Order = ["name", "key", "source", "capacity", "allocation", "physical", "target", "backingStore"];

    /// <summary><c>/volume/@type</c>: <c>file</c>, <c>block</c>, <c>dir</c>, <c>network</c>, <c>netdir</c>.</summary>
    public string? Type
    {
        get => GetAttribute("type");
        set => SetAttribute("type", value);
    }

    /// <summary><c>/volume/name</c>: unique within the pool (the file name for a directory pool).</summary>
    public string? Name
    {
        get => GetChildText("name");
        set => StorageElements.WriteText(Element, "name", value, Order);
    }

    /// <summary><c>/volume/key</c>: the volume's globally unique key (the path for file volumes); set by libvirt.</summary>
    public string? Key
    {
        get => GetChildText("key");
        set => StorageElements.WriteText(Element, "key", value, Order);
    }

    /// <summary><c>/volume/capacity</c> in bytes: the size the guest sees (bytes when no unit is given).</summary>
    /// <exception cref="LibvirtXmlValueException">The size is malformed (on read).</exception>
    public ulong? CapacityBytes
    {
        get => StorageElements.ReadSize(Element, "capacity");
        set => StorageElements.WriteSize(Element, "capacity", value, Order);
    }

    /// <summary><c>/volume/allocation</c> in bytes: the space the volume takes on the host (0 for a sparse new file).</summary>
    /// <exception cref="LibvirtXmlValueException">The size is malformed (on read).</exception>
    public ulong? AllocationBytes
    {
        get => StorageElements.ReadSize(Element, "allocation");
        set => StorageElements.WriteSize(Element, "allocation", value, Order);
    }

    /// <summary><c>/volume/physical</c> in bytes: the size of the file or device holding the volume (read-only output).</summary>
    /// <exception cref="LibvirtXmlValueException">The size is malformed (on read).</exception>
    public ulong? PhysicalBytes => StorageElements.ReadSize(Element, "physical");

    /// <summary><c>/volume/target/path</c>: where the volume is on the host, e.g. <c>/var/lib/libvirt/images/l2.qcow2</c>.</summary>
    public string? TargetPath
    {
        get => StorageElements.ReadTarget(Element, "path");
        set => StorageElements.WriteTarget(Element, "path", value, Order);
    }

    /// <summary><c>/volume/target/format/@type</c>: <c>qcow2</c>, <c>raw</c>, <c>iso</c>, …</summary>
    public string? TargetFormat
    {
        get => StorageElements.ReadTarget(Element, "format", "type");
        set => StorageElements.WriteTarget(Element, "format", value, Order, "type");
    }

    /// <summary><c>/volume/backingStore/path</c>: the image this copy-on-write volume is layered on.</summary>
    public string? BackingStorePath => GetChild("backingStore")?.Element("path")?.Value;

    /// <summary><c>/volume/backingStore/format/@type</c>: the backing image's format.</summary>
    public string? BackingStoreFormat => GetChild("backingStore")?.Element("format")?.Attribute("type")?.Value;
}
