using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Capabilities;

/// <summary><c>/capabilities/host</c>: the physical host as libvirt sees it.</summary>
public sealed class CapabilitiesHost : XmlView
{
    // Views handed out before; see ViewCache for why a cached view never outlives its element.
    private CapabilitiesHostCpu? cachedCpu;
    private CapabilitiesHostTopology? cachedTopology;
    private CapabilitiesHostMigration? cachedMigration;

    internal CapabilitiesHost(XElement element)
        : base(element)
    {
    }

    /// <summary><c>/capabilities/host/uuid</c>: the host's SMBIOS UUID.</summary>
    /// <exception cref="LibvirtXmlValueException">The element does not hold a UUID (on read).</exception>
    public Guid? Uuid
    {
        get => XmlValues.ParseUuid(GetChild("uuid"));
    }

    /// <summary><c>/capabilities/host/cpu</c>: the host CPU; <see langword="null"/> when absent.</summary>
    public CapabilitiesHostCpu? Cpu => ViewCache.Child(ref cachedCpu, GetChild("cpu"), static e => new CapabilitiesHostCpu(e));

    /// <summary><c>/capabilities/host/topology</c>: NUMA cells and their CPUs; <see langword="null"/> when absent.</summary>
    public CapabilitiesHostTopology? Topology => ViewCache.Child(ref cachedTopology, GetChild("topology"), static e => new CapabilitiesHostTopology(e));

    /// <summary><c>/capabilities/host/migration_features</c>; <see langword="null"/> when the driver cannot migrate.</summary>
    public CapabilitiesHostMigration? Migration => ViewCache.Child(ref cachedMigration, GetChild("migration_features"), static e => new CapabilitiesHostMigration(e));

    /// <summary><c>/capabilities/host/iommu/@support</c>: is an IOMMU available for device assignment?</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not yes/no (on read).</exception>
    public bool? IommuSupported => GetChild("iommu") is { } iommu ? XmlValues.ParseBoolean(iommu, "support") : null;

    /// <summary><c>/capabilities/host/power_management</c> children: the suspend targets (<c>suspend_mem</c>, <c>suspend_disk</c>, <c>suspend_hybrid</c>).</summary>
    public IReadOnlyList<string> PowerManagement =>
        GetChild("power_management")?.Elements().Select(e => e.Name.LocalName).ToList() ?? [];

    /// <summary><c>/capabilities/host/secmodel/model</c>: the security drivers, such as <c>selinux</c>, <c>apparmor</c>, <c>dac</c>, <c>none</c>.</summary>
    public IReadOnlyList<string> SecurityModels =>
        Element.Elements("secmodel").Select(s => s.Element("model")?.Value).OfType<string>().ToList();
}
