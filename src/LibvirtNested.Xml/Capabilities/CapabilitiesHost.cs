using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Capabilities;

/// <summary><c>/capabilities/host</c>: the physical host as libvirt sees it.</summary>
public sealed class CapabilitiesHost : XmlView
{
    internal CapabilitiesHost(XElement element)
        : base(element)
    {
    }

    /// <summary><c>/capabilities/host/uuid</c>: the host's SMBIOS UUID.</summary>
    /// <exception cref="LibvirtXmlValueException">The element does not hold a UUID (on read).</exception>
    public Guid? Uuid
    {
        get
        {
            var uuid = GetChild("uuid");
            if (uuid is null)
            {
                return null;
            }

            return Guid.TryParse(uuid.Value.Trim(), out var guid) ? guid : throw XmlValues.Error(uuid, (string?)null, uuid.Value, "a UUID");
        }
    }

    /// <summary><c>/capabilities/host/cpu</c>: the host CPU; <see langword="null"/> when absent.</summary>
    public CapabilitiesHostCpu? Cpu => GetChild("cpu") is { } cpu ? new CapabilitiesHostCpu(cpu) : null;

    /// <summary><c>/capabilities/host/topology</c>: NUMA cells and their CPUs; <see langword="null"/> when absent.</summary>
    public CapabilitiesHostTopology? Topology => GetChild("topology") is { } topology ? new CapabilitiesHostTopology(topology) : null;

    /// <summary><c>/capabilities/host/migration_features</c>; <see langword="null"/> when the driver cannot migrate.</summary>
    public CapabilitiesHostMigration? Migration => GetChild("migration_features") is { } migration ? new CapabilitiesHostMigration(migration) : null;

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
