using System.Xml.Linq;
using LibvirtNested.Xml.Internal;
using LibvirtNested.Xml.Network;

namespace LibvirtNested.Xml.Storage;

/// <summary>
/// A storage volume definition, the <c>&lt;volume&gt;</c> document of formatstorage.html (what
/// <c>virsh vol-dumpxml</c> prints and <c>virStorageVolCreateXML</c> takes), as a lossless, editable view.
/// </summary>
public sealed partial class StorageVolumeXml : LibvirtXmlDocument
{
    /// <summary>The root element name, <c>volume</c>.</summary>
    public const string RootElementName = "volume";

    private StorageVolumeXml(XDocument document)
        : base(document)
    {
    }

    /// <summary>Parses storage volume XML text.</summary>
    /// <param name="xml">The text of a <c>&lt;volume&gt;</c> document.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtXmlParseException">The text is not well-formed, has a DTD, nests elements deeper than <see cref="LibvirtXmlDocument.MaxElementDepth"/> (256), or its root is not <c>&lt;volume&gt;</c>.</exception>
    public static StorageVolumeXml Parse(string xml) => new(ParseDocument(xml, RootElementName));

    /// <summary>Loads storage volume XML from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtXmlParseException">The file is not well-formed, has a DTD, nests elements deeper than <see cref="LibvirtXmlDocument.MaxElementDepth"/> (256), or its root is not <c>&lt;volume&gt;</c>, or its bytes are not valid in the encoding its byte-order mark or XML declaration names (UTF-8 when neither does).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static StorageVolumeXml Load(string path) => new(LoadDocument(path, RootElementName));

    /// <summary>Loads storage volume XML from a stream, leaving the stream open.</summary>
    /// <param name="stream">The stream.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtXmlParseException">The text is not well-formed, has a DTD, nests elements deeper than <see cref="LibvirtXmlDocument.MaxElementDepth"/> (256), or its root is not <c>&lt;volume&gt;</c>, or its bytes are not valid in the encoding its byte-order mark or XML declaration names (UTF-8 when neither does).</exception>
    public static StorageVolumeXml Load(Stream stream) => new(LoadDocument(stream, RootElementName));

    /// <summary>
    /// A new volume definition for <c>virStorageVolCreateXML</c> (<c>virsh vol-create</c>): name, capacity and file
    /// format, such as a 16 GiB qcow2 image for a nested guest's disk.
    /// </summary>
    /// <param name="name"><c>/volume/name</c>: the file name inside the pool, such as <c>l2.qcow2</c>.</param>
    /// <param name="capacityBytes"><c>/volume/capacity</c>: the virtual size in bytes, written in the largest exact unit.</param>
    /// <param name="format"><c>/volume/target/format/@type</c>: <c>qcow2</c>, <c>raw</c>, …; <see langword="null"/> leaves the pool's default.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or contains '/'.</exception>
    public static StorageVolumeXml Create(string name, ulong capacityBytes, string? format = "qcow2")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The volume name '{name}' must not contain '/'.", nameof(name));
        }

        var volume = new StorageVolumeXml(NewDocument(RootElementName))
        {
            Name = name,
            CapacityBytes = capacityBytes,
            TargetFormat = format,
        };

        // storagevol.rng requires <target> even when it says nothing; libvirt fills in the path.
        _ = ChildOrder.GetOrAdd(volume.Element, "target", Order);
        return volume;
    }

    /// <summary>A deep copy that keeps the source style of this document.</summary>
    /// <returns>An independent document.</returns>
    public StorageVolumeXml Clone() => new(CloneDocument());
}
