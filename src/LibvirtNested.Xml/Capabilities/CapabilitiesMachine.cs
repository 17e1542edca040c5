using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Capabilities;

/// <summary><c>machine</c> of a guest architecture or domain: a machine type such as <c>pc-q35-7.2</c>.</summary>
public sealed class CapabilitiesMachine : XmlView
{
    internal CapabilitiesMachine(XElement element)
        : base(element)
    {
    }

    /// <summary>The machine type name (element text), such as <c>pc</c> or <c>pc-q35-7.2</c>.</summary>
    public string Name => ElementText.Of(Element);

    /// <summary><c>@canonical</c>: the versioned type an alias stands for (<c>pc</c> → <c>pc-i440fx-7.2</c>).</summary>
    public string? Canonical => GetAttribute("canonical");

    /// <summary><c>@maxCpus</c>: the most vCPUs the machine type allows.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not a number (on read).</exception>
    public int? MaxCpus => GetInt32Attribute("maxCpus");

    /// <summary><c>@deprecated</c>: is the machine type deprecated by QEMU?</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not yes/no (on read).</exception>
    public bool? Deprecated => GetBooleanAttribute("deprecated");
}
