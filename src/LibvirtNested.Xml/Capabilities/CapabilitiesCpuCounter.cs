using System.Xml.Linq;

namespace LibvirtNested.Xml.Capabilities;

/// <summary><c>/capabilities/host/cpu/counter</c>: a timer such as the TSC, with its frequency.</summary>
public sealed class CapabilitiesCpuCounter : XmlView
{
    internal CapabilitiesCpuCounter(XElement element)
        : base(element)
    {
    }

    /// <summary><c>@name</c>, such as <c>tsc</c>.</summary>
    public string? Name => GetAttribute("name");

    /// <summary><c>@frequency</c> in Hz.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not a number (on read).</exception>
    public ulong? Frequency => GetUInt64Attribute("frequency");

    /// <summary><c>@scaling</c>: can the host scale the counter for guests (TSC scaling)?</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not yes/no (on read).</exception>
    public bool? Scaling => GetBooleanAttribute("scaling");
}
