using System.Xml.Linq;

namespace LibvirtNested.Xml.Capabilities;

/// <summary><c>/capabilities/host/topology</c>: the host's NUMA cells.</summary>
public sealed class CapabilitiesHostTopology : XmlView
{
    internal CapabilitiesHostTopology(XElement element)
        : base(element)
    {
    }

    /// <summary><c>/capabilities/host/topology/cells/cell</c>.</summary>
    public IReadOnlyList<CapabilitiesHostCell> Cells =>
        GetChild("cells")?.Elements("cell").Select(c => new CapabilitiesHostCell(c)).ToList() ?? [];

    /// <summary>The number of host CPUs: all <c>cell/cpus/cpu</c> elements of all cells.</summary>
    public int CpuCount => Cells.Sum(c => c.CpuIds.Count);
}
