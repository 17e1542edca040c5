using System.Xml.Linq;

namespace LibvirtNested.Xml.Capabilities;

/// <summary><c>/capabilities/host/cpu/topology</c>: sockets, dies, clusters, cores per die and threads per core.</summary>
public sealed class CapabilitiesCpuTopology : XmlView
{
    internal CapabilitiesCpuTopology(XElement element)
        : base(element)
    {
    }

    /// <summary><c>@sockets</c>.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not a number (on read).</exception>
    public int? Sockets => GetInt32Attribute("sockets");

    /// <summary><c>@dies</c> (libvirt 6.0+); <see langword="null"/> when absent (one die).</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not a number (on read).</exception>
    public int? Dies => GetInt32Attribute("dies");

    /// <summary><c>@clusters</c> (libvirt 10+); <see langword="null"/> when absent.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not a number (on read).</exception>
    public int? Clusters => GetInt32Attribute("clusters");

    /// <summary><c>@cores</c>: cores per die.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not a number (on read).</exception>
    public int? Cores => GetInt32Attribute("cores");

    /// <summary><c>@threads</c>: threads per core.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not a number (on read).</exception>
    public int? Threads => GetInt32Attribute("threads");
}
