using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Capabilities;

/// <summary><c>/capabilities/host/topology</c>: the host's NUMA cells.</summary>
public sealed class CapabilitiesHostTopology : XmlView
{
    // Views handed out before; see ViewCache for why a cached view never outlives its element.
    private ViewList<CapabilitiesHostCell>? cachedCells;

    internal CapabilitiesHostTopology(XElement element)
        : base(element)
    {
    }

    /// <summary><c>/capabilities/host/topology/cells/cell</c>.</summary>
    public IReadOnlyList<CapabilitiesHostCell> Cells =>
        ViewCache.Children(ref cachedCells, GetChild("cells"), "cell", static e => new CapabilitiesHostCell(e));

    /// <summary>The number of host CPUs: all <c>cell/cpus/cpu</c> elements of all cells.</summary>
    public int CpuCount => Cells.Sum(c => c.CpuIds.Count);
}
