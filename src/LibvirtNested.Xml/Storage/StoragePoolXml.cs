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
    /// <exception cref="LibvirtXmlParseException">The text is not well-formed, has a DTD, nests elements deeper than <see cref="LibvirtXmlDocument.MaxElementDepth"/> (256), or its root is not <c>&lt;pool&gt;</c>.</exception>
    public static StoragePoolXml Parse(string xml) => new(ParseDocument(xml, RootElementName));

    /// <summary>Loads storage pool XML from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtXmlParseException">The file is not well-formed, has a DTD, nests elements deeper than <see cref="LibvirtXmlDocument.MaxElementDepth"/> (256), or its root is not <c>&lt;pool&gt;</c>, or its bytes are not valid in the encoding its byte-order mark or XML declaration names (UTF-8 when neither does).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static StoragePoolXml Load(string path) => new(LoadDocument(path, RootElementName));

    /// <summary>Loads storage pool XML from a stream, leaving the stream open.</summary>
    /// <param name="stream">The stream.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtXmlParseException">The text is not well-formed, has a DTD, nests elements deeper than <see cref="LibvirtXmlDocument.MaxElementDepth"/> (256), or its root is not <c>&lt;pool&gt;</c>, or its bytes are not valid in the encoding its byte-order mark or XML declaration names (UTF-8 when neither does).</exception>
    public static StoragePoolXml Load(Stream stream) => new(LoadDocument(stream, RootElementName));

    /// <summary>A new directory pool (<c>&lt;pool type='dir'&gt;</c>) for <c>virStoragePoolDefineXML</c>: image files in one host folder.</summary>
    /// <param name="name"><c>/pool/name</c>, such as <c>nested</c>.</param>
    /// <param name="path"><c>/pool/target/path</c>: the absolute host folder, such as <c>/var/lib/libvirt/images</c>.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentException">The name is empty or contains '/', or the path is not absolute.</exception>
    public static StoragePoolXml CreateDirectory(string name, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (name.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The pool name '{name}' must not contain '/'.", nameof(name));
        }

        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"The pool path '{path}' must be absolute.", nameof(path));
        }

        var pool = new StoragePoolXml(NewDocument(RootElementName))
        {
            Type = StoragePoolType.Dir,
            Name = name,
            TargetPath = path,
        };
        return pool;
    }

    /// <summary>A deep copy that keeps the source style of this document.</summary>
    /// <returns>An independent document.</returns>
    public StoragePoolXml Clone() => new(CloneDocument());
}
