using System.Globalization;
using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Domain;

/// <summary>
/// A libvirt domain definition, the <c>&lt;domain&gt;</c> document of formatdomain.html (what
/// <c>virsh dumpxml</c> prints and <c>virDomainDefineXML</c> takes), as a lossless, editable view.
/// </summary>
public sealed partial class DomainXml : LibvirtXmlDocument
{
    /// <summary>The root element name, <c>domain</c>.</summary>
    public const string RootElementName = "domain";

    private DomainXml(XDocument document)
        : base(document)
    {
    }

    /// <summary>Parses domain XML text.</summary>
    /// <param name="xml">The text of a <c>&lt;domain&gt;</c> document.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtXmlParseException">The text is not well-formed, has a DTD, nests elements deeper than <see cref="LibvirtXmlDocument.MaxElementDepth"/> (256), or its root is not <c>&lt;domain&gt;</c>.</exception>
    public static DomainXml Parse(string xml) => new(ParseDocument(xml, RootElementName));

    /// <summary>Loads domain XML from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtXmlParseException">The file is not well-formed, has a DTD, nests elements deeper than <see cref="LibvirtXmlDocument.MaxElementDepth"/> (256), or its root is not <c>&lt;domain&gt;</c>, or its bytes are not valid in the encoding its byte-order mark or XML declaration names (UTF-8 when neither does).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static DomainXml Load(string path) => new(LoadDocument(path, RootElementName));

    /// <summary>Loads domain XML from a stream, leaving the stream open.</summary>
    /// <param name="stream">The stream.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtXmlParseException">The text is not well-formed, has a DTD, nests elements deeper than <see cref="LibvirtXmlDocument.MaxElementDepth"/> (256), or its root is not <c>&lt;domain&gt;</c>, or its bytes are not valid in the encoding its byte-order mark or XML declaration names (UTF-8 when neither does).</exception>
    public static DomainXml Load(Stream stream) => new(LoadDocument(stream, RootElementName));

    /// <summary>A new, empty <c>&lt;domain type='…'&gt;</c> document; see also <c>DomainBuilder</c> for a complete guest.</summary>
    /// <param name="type">The hypervisor type, <c>kvm</c> by default.</param>
    /// <returns>The document.</returns>
    public static DomainXml Create(string type = "kvm")
    {
        var domain = new DomainXml(NewDocument(RootElementName));
        domain.SetAttribute("type", type);
        return domain;
    }

    /// <summary>A deep copy that keeps the source style of this document.</summary>
    /// <returns>An independent document.</returns>
    public DomainXml Clone() => new(CloneDocument());

    /// <summary><c>/domain/@type</c>: the hypervisor driver, such as <c>kvm</c>, <c>qemu</c>, <c>xen</c>, <c>lxc</c>.</summary>
    public string? Type
    {
        get => GetAttribute("type");
        set => SetAttribute("type", value);
    }

    /// <summary><c>/domain/name</c>: the guest's unique short name.</summary>
    public string? Name
    {
        get => GetChildText("name");
        set => SetDomainChildText("name", value);
    }

    /// <summary>
    /// <c>/domain/uuid</c>: the guest's globally unique id. Read as libvirt reads it (hex digits, with or
    /// without hyphens); written lowercase and hyphenated, as <c>virsh dumpxml</c> prints it.
    /// </summary>
    /// <exception cref="LibvirtXmlValueException">On read: the text is not a UUID.</exception>
    public Guid? Uuid
    {
        get => XmlValues.ParseUuid(GetChild("uuid"));

        set => SetDomainChildText("uuid", value?.ToString("D", CultureInfo.InvariantCulture));
    }

    /// <summary><c>/domain/title</c>: a short description for people (no line breaks).</summary>
    public string? Title
    {
        get => GetChildText("title");
        set => SetDomainChildText("title", value);
    }

    /// <summary><c>/domain/description</c>: a free-form description for people; libvirt does not use it.</summary>
    public string? Description
    {
        get => GetChildText("description");
        set => SetDomainChildText("description", value);
    }

    /// <summary>
    /// <c>/domain/metadata</c>: applications' own XML, each in its own namespace (libosinfo, oVirt, yours), kept
    /// as it is. <see langword="null"/> when absent.
    /// </summary>
    public XElement? Metadata => GetChild("metadata");

    /// <summary>Returns <c>/domain/metadata</c>, adding an empty one at libvirt's place when absent.</summary>
    /// <returns>The metadata element.</returns>
    public XElement GetOrAddMetadata() => GetOrAddDomainChild("metadata");

    /// <summary>The first child of <c>&lt;domain&gt;</c> with this name, inserted where libvirt writes it when absent.</summary>
    private XElement GetOrAddDomainChild(string name) => ChildOrder.GetOrAdd(Element, name, DomainChildOrder.Domain);

    /// <summary>Sets the text of a child of <c>&lt;domain&gt;</c>, inserted where libvirt writes it; <see langword="null"/> removes it.</summary>
    private void SetDomainChildText(string name, string? value) => ChildOrder.SetText(Element, name, value, DomainChildOrder.Domain);
}
