using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Network;

/// <summary>
/// A libvirt virtual network definition, the <c>&lt;network&gt;</c> document of formatnetwork.html (what
/// <c>virsh net-dumpxml</c> prints and <c>virNetworkDefineXML</c> takes), as a lossless, editable view.
/// </summary>
public sealed partial class NetworkXml : LibvirtXmlDocument
{
    /// <summary>The root element name, <c>network</c>.</summary>
    public const string RootElementName = "network";

    private NetworkXml(XDocument document)
        : base(document)
    {
    }

    /// <summary>Parses network XML text.</summary>
    /// <param name="xml">The text of a <c>&lt;network&gt;</c> document.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtXmlParseException">The text is not well-formed, has a DTD, nests elements deeper than <see cref="LibvirtXmlDocument.MaxElementDepth"/> (256), or its root is not <c>&lt;network&gt;</c>.</exception>
    public static NetworkXml Parse(string xml) => new(ParseDocument(xml, RootElementName));

    /// <summary>Loads network XML from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtXmlParseException">The file is not well-formed, has a DTD, nests elements deeper than <see cref="LibvirtXmlDocument.MaxElementDepth"/> (256), or its root is not <c>&lt;network&gt;</c>, or its bytes are not valid in the encoding its byte-order mark or XML declaration names (UTF-8 when neither does).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static NetworkXml Load(string path) => new(LoadDocument(path, RootElementName));

    /// <summary>Loads network XML from a stream, leaving the stream open.</summary>
    /// <param name="stream">The stream.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtXmlParseException">The text is not well-formed, has a DTD, nests elements deeper than <see cref="LibvirtXmlDocument.MaxElementDepth"/> (256), or its root is not <c>&lt;network&gt;</c>, or its bytes are not valid in the encoding its byte-order mark or XML declaration names (UTF-8 when neither does).</exception>
    public static NetworkXml Load(Stream stream) => new(LoadDocument(stream, RootElementName));

    /// <summary>A new <c>&lt;network&gt;</c> document holding only its name; see <see cref="NatNetworkBuilder"/> for a complete NAT network.</summary>
    /// <param name="name">The network name (<c>/network/name</c>).</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static NetworkXml Create(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var network = new NetworkXml(NewDocument(RootElementName));
        network.Name = name;
        return network;
    }

    /// <summary>A deep copy that keeps the source style of this document.</summary>
    /// <returns>An independent document.</returns>
    public NetworkXml Clone() => new(CloneDocument());

    /// <summary><c>/network/name</c>: the network's unique short name.</summary>
    public string? Name
    {
        get => GetChildText("name");
        set
        {
            if (value is null)
            {
                RemoveChildren("name");
                return;
            }

            ChildOrder.GetOrAdd(Element, "name", Order).Value = value;
        }
    }
}
