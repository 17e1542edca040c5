using System.Xml.Linq;

namespace LibvirtNested.Xml.Capabilities;

/// <summary>
/// The host capabilities document, <c>&lt;capabilities&gt;</c> of formatcaps.html (what <c>virsh capabilities</c>
/// prints and <c>virConnectGetCapabilities</c> returns), as a lossless view.
/// </summary>
public sealed partial class CapabilitiesXml : LibvirtXmlDocument
{
    /// <summary>The root element name, <c>capabilities</c>.</summary>
    public const string RootElementName = "capabilities";

    private CapabilitiesXml(XDocument document)
        : base(document)
    {
    }

    /// <summary>Parses host capabilities XML text.</summary>
    /// <param name="xml">The text of a <c>&lt;capabilities&gt;</c> document.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtXmlParseException">The text is not well-formed, has a DTD, nests elements deeper than <see cref="LibvirtXmlDocument.MaxElementDepth"/> (256), or its root is not <c>&lt;capabilities&gt;</c>.</exception>
    public static CapabilitiesXml Parse(string xml) => new(ParseDocument(xml, RootElementName));

    /// <summary>Loads host capabilities XML from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtXmlParseException">The file is not well-formed, has a DTD, nests elements deeper than <see cref="LibvirtXmlDocument.MaxElementDepth"/> (256), or its root is not <c>&lt;capabilities&gt;</c>, or its bytes are not valid in the encoding its byte-order mark or XML declaration names (UTF-8 when neither does).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static CapabilitiesXml Load(string path) => new(LoadDocument(path, RootElementName));

    /// <summary>Loads host capabilities XML from a stream, leaving the stream open.</summary>
    /// <param name="stream">The stream.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtXmlParseException">The text is not well-formed, has a DTD, nests elements deeper than <see cref="LibvirtXmlDocument.MaxElementDepth"/> (256), or its root is not <c>&lt;capabilities&gt;</c>, or its bytes are not valid in the encoding its byte-order mark or XML declaration names (UTF-8 when neither does).</exception>
    public static CapabilitiesXml Load(Stream stream) => new(LoadDocument(stream, RootElementName));

    /// <summary>A deep copy that keeps the source style of this document.</summary>
    /// <returns>An independent document.</returns>
    public CapabilitiesXml Clone() => new(CloneDocument());
}
