using System.Xml.Linq;

namespace LibvirtNested.Xml.DomainCapabilities;

/// <summary><c>/domainCapabilities/cpu/mode/feature</c>: a CPU feature of the host-model expansion.</summary>
public sealed class DomainCapabilitiesCpuFeature : XmlView
{
    internal DomainCapabilitiesCpuFeature(XElement element)
        : base(element)
    {
    }

    /// <summary><c>@name</c>, such as <c>vmx</c> or <c>arch-capabilities</c>.</summary>
    public string? Name => GetAttribute("name");

    /// <summary><c>@policy</c>: <c>require</c> or <c>disable</c> (also <c>force</c>, <c>optional</c>, <c>forbid</c>).</summary>
    public string? Policy => GetAttribute("policy");
}
