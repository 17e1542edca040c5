using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.DomainCapabilities;

/// <summary><c>/domainCapabilities/cpu/mode/model</c>: a named CPU model and whether the host can provide it.</summary>
public sealed class DomainCapabilitiesCpuModel : XmlView
{
    internal DomainCapabilitiesCpuModel(XElement element)
        : base(element)
    {
    }

    /// <summary>The model name (element text), such as <c>Skylake-Client-IBRS</c>.</summary>
    public string Name => ElementText.Of(Element);

    /// <summary>
    /// <c>@usable</c>: can a guest use this model on this host without missing features? <see langword="null"/>
    /// when absent or <c>unknown</c>.
    /// </summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not yes, no or unknown (on read).</exception>
    public bool? Usable => GetAttribute("usable") switch
    {
        null or "unknown" => null,
        "yes" => true,
        "no" => false,
        var other => throw XmlValues.Error(Element, "usable", other, "'yes', 'no' or 'unknown'"),
    };

    /// <summary><c>@vendor</c>, such as <c>Intel</c>, <c>AMD</c> or <c>unknown</c>.</summary>
    public string? Vendor => GetAttribute("vendor");

    /// <summary><c>@deprecated</c>: does QEMU deprecate the model?</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not yes/no (on read).</exception>
    public bool? Deprecated => GetBooleanAttribute("deprecated");

    /// <summary><c>@fallback</c> (host-model): <c>allow</c> or <c>forbid</c>.</summary>
    public string? Fallback => GetAttribute("fallback");
}
