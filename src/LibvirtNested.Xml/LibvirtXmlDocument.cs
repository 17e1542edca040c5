using System.Text;
using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml;

/// <summary>
/// A whole libvirt XML document (domain, network, capabilities, domain capabilities) and its root view.
/// Parsed documents keep every node, attribute quote, comment and namespace; <see cref="ToXmlString"/> and
/// <see cref="Save(string)"/> write them back unchanged except where the document was edited.
/// </summary>
public abstract class LibvirtXmlDocument : XmlView
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Creates a document view over <paramref name="document"/>'s root element.</summary>
    /// <param name="document">A document that has a root element.</param>
    private protected LibvirtXmlDocument(XDocument document)
        : base(document.Root ?? throw new ArgumentException("The document has no root element.", nameof(document)))
    {
        Document = document;
    }

    /// <summary>The underlying LINQ to XML document (the escape hatch for the whole tree).</summary>
    public XDocument Document { get; }

    /// <summary>Writes the document as XML text, byte for byte as read wherever it was not edited.</summary>
    /// <returns>The XML text.</returns>
    public string ToXmlString() => LibvirtXmlWriter.Write(Document);

    /// <summary>The document as XML text; same as <see cref="ToXmlString"/>.</summary>
    /// <returns>The XML text.</returns>
    public override string ToString() => ToXmlString();

    /// <summary>
    /// Saves the document as UTF-8 (no byte-order mark) atomically: the text goes to a temporary file in the
    /// same folder, which then replaces <paramref name="path"/>. A failed save leaves any existing file as it was.
    /// </summary>
    /// <param name="path">Destination file.</param>
    /// <exception cref="IOException">The file could not be written or replaced.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or file is not writable.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteAllText(path, ToXmlString(), Utf8NoBom);
    }

    /// <summary>Writes the document as UTF-8 (no byte-order mark) to a stream, leaving the stream open.</summary>
    /// <param name="stream">A writable stream.</param>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = Utf8NoBom.GetBytes(ToXmlString());
        stream.Write(bytes);
    }

    /// <summary>Parses text into a document whose root must be <paramref name="root"/>.</summary>
    private protected static XDocument ParseDocument(string xml, string root) => XmlLoader.Parse(xml, root, null);

    /// <summary>Reads a file into a document whose root must be <paramref name="root"/>.</summary>
    private protected static XDocument LoadDocument(string path, string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path, Utf8NoBom, detectEncodingFromByteOrderMarks: true);
        return XmlLoader.Load(reader, root, path);
    }

    /// <summary>Reads a stream into a document whose root must be <paramref name="root"/>.</summary>
    private protected static XDocument LoadDocument(Stream stream, string root)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Utf8NoBom, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return XmlLoader.Load(reader, root, null);
    }

    /// <summary>A new document holding an empty root element.</summary>
    private protected static XDocument NewDocument(string root) => new(new XElement(root));

    /// <summary>A deep copy of this document that keeps its source style (quotes, declaration).</summary>
    private protected XDocument CloneDocument() => XmlLoader.Parse(ToXmlString(), Element.Name.LocalName, null);
}
