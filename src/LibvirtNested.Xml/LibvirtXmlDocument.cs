using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml;

/// <summary>
/// A whole libvirt XML document (domain, network, capabilities, domain capabilities) and its root view.
/// Parsed documents keep every node, attribute quote, comment and namespace; <see cref="ToXmlString"/> and
/// <see cref="Save(string)"/> write them back unchanged except where the document was edited.
/// Parsing refuses DTDs and external entities, and documents nested deeper than <see cref="MaxElementDepth"/>.
/// </summary>
public abstract class LibvirtXmlDocument : XmlView
{
    /// <summary>
    /// Elements nest at most this deep (the root counts as 1), as in libvirt's own parser (libxml2 without
    /// <c>XML_PARSE_HUGE</c>); a deeper document is refused by <c>Parse</c> and <c>Load</c> with a
    /// <see cref="LibvirtXmlParseException"/>.
    /// </summary>
    public const int MaxElementDepth = 256;

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
    /// Saves the document atomically in the encoding it was read in (a loaded file or stream), else the encoding its
    /// XML declaration names, else UTF-8 without a byte-order mark — so the declaration never lies. A character the
    /// encoding cannot hold is written as a character reference in text and attribute values. The text goes to a
    /// temporary file in the destination's folder, which then replaces it, keeping its permissions. A symbolic link is
    /// followed: its final target is replaced and the link stays. A failed save leaves any existing file as it was.
    /// </summary>
    /// <param name="path">Destination file (or a symbolic link to it).</param>
    /// <exception cref="NotARegularFileException">The destination (after links) exists and is a directory, FIFO,
    /// socket or device node; it is left alone.</exception>
    /// <exception cref="LibvirtXmlException">The declaration names an encoding that cannot be written, or a character
    /// the encoding cannot hold stands where XML allows no character reference (a name, comment, PI or CDATA).</exception>
    /// <exception cref="IOException">The file could not be written or replaced.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or the existing file is not writable.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteAllBytes(path, Encode());
    }

    /// <summary>Writes the document to a stream, leaving the stream open, in the encoding <see cref="Save(string)"/> uses.</summary>
    /// <param name="stream">A writable stream.</param>
    /// <exception cref="LibvirtXmlException">As for <see cref="Save(string)"/>.</exception>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Encode());
    }

    /// <summary>Parses text into a document whose root must be <paramref name="root"/>.</summary>
    private protected static XDocument ParseDocument(string xml, string root) => XmlLoader.Parse(xml, root, null);

    /// <summary>Reads a file into a document whose root must be <paramref name="root"/>, in the encoding its
    /// byte-order mark or declaration names (UTF-8 by default).</summary>
    private protected static XDocument LoadDocument(string path, string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return XmlEncoding.Load(File.ReadAllBytes(path), root, path);
    }

    /// <summary>Reads a stream into a document whose root must be <paramref name="root"/>.</summary>
    private protected static XDocument LoadDocument(Stream stream, string root)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return XmlEncoding.Load(buffer.ToArray(), root, null);
    }

    /// <summary>A new document holding an empty root element.</summary>
    private protected static XDocument NewDocument(string root) => new(new XElement(root));

    /// <summary>A deep copy of this document that keeps its source style (quotes, declaration).</summary>
    /// <remarks>
    /// Written and parsed again, which keeps every source detail; without the depth limit, since a tree built in
    /// code may be deeper than any parsed one.
    /// </remarks>
    private protected XDocument CloneDocument()
    {
        var copy = XmlLoader.Parse(ToXmlString(), Element.Name.LocalName, null, limitDepth: false);
        var (encoding, byteOrderMark) = XmlStyle.EncodingOf(Document);
        if (encoding is not null)
        {
            XmlStyle.SetEncoding(copy, encoding, byteOrderMark);
        }

        return copy;
    }

    private byte[] Encode()
    {
        var (encoding, byteOrderMark) = XmlEncoding.ForSave(Document);
        return XmlEncoding.Encode(LibvirtXmlWriter.Write(Document, XmlEncoding.MaxDirectChar(encoding)), encoding, byteOrderMark);
    }
}
