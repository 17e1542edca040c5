using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Capabilities;

/// <summary><c>/capabilities/host/topology/cells/cell</c>: one NUMA node.</summary>
public sealed class CapabilitiesHostCell : XmlView
{
    internal CapabilitiesHostCell(XElement element)
        : base(element)
    {
    }

    /// <summary><c>@id</c>: the NUMA node number.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not a number (on read).</exception>
    public int? Id => GetInt32Attribute("id");

    /// <summary><c>memory</c> of the node in bytes (KiB when no unit is given).</summary>
    /// <exception cref="LibvirtXmlValueException">The size is malformed (on read).</exception>
    public ulong? MemoryBytes => DataSize.ReadBytes(GetChild("memory"));

    /// <summary><c>cpus/cpu/@id</c>: the host CPUs of the node.</summary>
    /// <exception cref="LibvirtXmlValueException">An id is not a number (on read).</exception>
    public IReadOnlyList<int> CpuIds =>
        GetChild("cpus")?.Elements("cpu").Select(c => XmlValues.ParseInt32(c, "id") ?? throw XmlValues.Error(c, "id", string.Empty, "a CPU number")).ToList() ?? [];
}
