using System.Xml.Linq;

namespace LibvirtNested.Xml.Storage;

/// <summary>
/// A storage pool definition, the <c>&lt;pool&gt;</c> document of formatstorage.html (what
/// <c>virsh pool-dumpxml</c> prints and <c>virStoragePoolDefineXML</c> takes), as a lossless, editable view.
/// </summary>
public sealed partial class StoragePoolXml : LibvirtXmlDocument
{
    /// <summary>The root element name, <c>pool</c>.</summary>
    public const string RootElementName = "pool";

    private StoragePoolXml(XDocument document)
        : base(document)
    {
    }

    /// <summary>Parses storage pool XML text.</summary>
    /// <param name="xml">The text of a <c>&lt;pool&gt;</c> document.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtXmlParseException">The text is not well-formed, has a DTD, or its root is not <c>&lt;pool&gt;</c>.</exception>
    public static StoragePoolXml Parse(string xml) => new(ParseDocument(xml, RootElementName));

    /// <summary>Loads storage pool XML from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtXmlParseException">The file is not well-formed, has a DTD, or its root is not <c>&lt;pool&gt;</c>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static StoragePoolXml Load(string path) => new(LoadDocument(path, RootElementName));

    /// <summary>Loads storage pool XML from a stream, leaving the stream open.</summary>
    /// <param name="stream">The stream.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtXmlParseException">The text is not well-formed, has a DTD, or its root is not <c>&lt;pool&gt;</c>.</exception>
    public static StoragePoolXml Load(Stream stream) => new(LoadDocument(stream, RootElementName));

    /// <summary>A deep copy that keeps the source style of this document.</summary>
    /// <returns>An independent document.</returns>
    public StoragePoolXml Clone() => new(CloneDocument());
}
