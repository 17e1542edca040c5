using System.Xml.Linq;

namespace LibvirtNested.Xml.DomainCapabilities;

/// <summary>
/// The domain capabilities document, <c>&lt;domainCapabilities&gt;</c> of formatdomaincaps.html (what
/// <c>virsh domcapabilities</c> prints and <c>virConnectGetDomainCapabilities</c> returns), as a lossless view.
/// </summary>
public sealed partial class DomainCapabilitiesXml : LibvirtXmlDocument
{
    /// <summary>The root element name, <c>domainCapabilities</c>.</summary>
    public const string RootElementName = "domainCapabilities";

    private DomainCapabilitiesXml(XDocument document)
        : base(document)
    {
    }

    /// <summary>Parses domain capabilities XML text.</summary>
    /// <param name="xml">The text of a <c>&lt;domainCapabilities&gt;</c> document.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtXmlParseException">The text is not well-formed, has a DTD, nests elements deeper than <see cref="LibvirtXmlDocument.MaxElementDepth"/> (256), or its root is not <c>&lt;domainCapabilities&gt;</c>.</exception>
    public static DomainCapabilitiesXml Parse(string xml) => new(ParseDocument(xml, RootElementName));

    /// <summary>Loads domain capabilities XML from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtXmlParseException">The file is not well-formed, has a DTD, nests elements deeper than <see cref="LibvirtXmlDocument.MaxElementDepth"/> (256), or its root is not <c>&lt;domainCapabilities&gt;</c>, or its bytes are not valid in the encoding its byte-order mark or XML declaration names (UTF-8 when neither does).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static DomainCapabilitiesXml Load(string path) => new(LoadDocument(path, RootElementName));

    /// <summary>Loads domain capabilities XML from a stream, leaving the stream open.</summary>
    /// <param name="stream">The stream.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtXmlParseException">The text is not well-formed, has a DTD, nests elements deeper than <see cref="LibvirtXmlDocument.MaxElementDepth"/> (256), or its root is not <c>&lt;domainCapabilities&gt;</c>, or its bytes are not valid in the encoding its byte-order mark or XML declaration names (UTF-8 when neither does).</exception>
    public static DomainCapabilitiesXml Load(Stream stream) => new(LoadDocument(stream, RootElementName));

    /// <summary>A deep copy that keeps the source style of this document.</summary>
    /// <returns>An independent document.</returns>
    public DomainCapabilitiesXml Clone() => new(CloneDocument());
}
