using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Capabilities;

/// <summary><c>/capabilities/guest</c>: an OS type and architecture the host can run, with its emulator, machine types and domain types.</summary>
public sealed class CapabilitiesGuest : XmlView
{
    // Views handed out before; see ViewCache for why a cached view never outlives its element.
    private ViewList<CapabilitiesMachine>? cachedMachines;
    private ViewList<CapabilitiesGuestDomain>? cachedDomains;

    internal CapabilitiesGuest(XElement element)
        : base(element)
    {
    }

    /// <summary><c>os_type</c>: <c>hvm</c> (full virtualization), <c>xen</c>, <c>exe</c> (containers), …</summary>
    public string? OsType => GetChildText("os_type");

    /// <summary><c>arch/@name</c>: the guest architecture, such as <c>x86_64</c>.</summary>
    public string? Arch => ArchElement?.Attribute("name")?.Value;

    /// <summary><c>arch/wordsize</c>: 32 or 64.</summary>
    /// <exception cref="LibvirtXmlValueException">The element is not a number (on read).</exception>
    public int? WordSize
    {
        get
        {
            var wordsize = ArchElement?.Element("wordsize");
            if (wordsize is null)
            {
                return null;
            }

            var bits = XmlValues.ParseUInt64(wordsize, null, wordsize.Value);
            return bits <= 1024 ? (int)bits : throw XmlValues.Error(wordsize, (string?)null, wordsize.Value, "a word size in bits, such as 32 or 64");
        }
    }

    /// <summary><c>arch/emulator</c>: the default emulator binary, such as <c>/usr/bin/qemu-system-x86_64</c>.</summary>
    public string? Emulator => ArchElement?.Element("emulator")?.Value;

    /// <summary><c>arch/loader</c>: the default firmware loader (Xen).</summary>
    public string? Loader => ArchElement?.Element("loader")?.Value;

    /// <summary><c>arch/machine</c>: the machine types of the architecture.</summary>
    public IReadOnlyList<CapabilitiesMachine> Machines =>
        ViewCache.Children(ref cachedMachines, ArchElement, "machine", static e => new CapabilitiesMachine(e));

    /// <summary><c>arch/domain</c>: the domain types (<c>qemu</c>, <c>kvm</c>, …) that can run this architecture.</summary>
    public IReadOnlyList<CapabilitiesGuestDomain> Domains =>
        ViewCache.Children(ref cachedDomains, ArchElement, "domain", static e => new CapabilitiesGuestDomain(e));

    /// <summary><c>features</c> children by name: <c>acpi</c>, <c>apic</c>, <c>pae</c>, <c>cpuselection</c>, <c>deviceboot</c>, <c>disksnapshot</c>, …</summary>
    public IReadOnlyList<string> Features =>
        GetChild("features")?.Elements().Select(f => f.Name.LocalName).ToList() ?? [];

    /// <summary>Is the guest feature listed in <c>features</c>?</summary>
    /// <param name="name">A feature element name, such as <c>acpi</c>.</param>
    /// <returns>Whether it is listed.</returns>
    public bool HasFeature(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return GetChild("features")?.Element(name) is not null;
    }

    /// <summary>The domain entry of a type, such as <c>kvm</c>.</summary>
    /// <param name="type">The domain type.</param>
    /// <returns>The entry, or <see langword="null"/> when the architecture cannot run that type.</returns>
    public CapabilitiesGuestDomain? FindDomain(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Domains.FirstOrDefault(d => string.Equals(d.Type, type, StringComparison.Ordinal));
    }

    /// <summary>The machine types usable with a domain type: the domain's own list, or the architecture's when it has none.</summary>
    /// <param name="type">The domain type, such as <c>kvm</c>.</param>
    /// <returns>The machine types; empty when the type is not supported.</returns>
    public IReadOnlyList<CapabilitiesMachine> MachinesFor(string type)
    {
        var domain = FindDomain(type);
        if (domain is null)
        {
            return [];
        }

        var own = domain.Machines;
        return own.Count > 0 ? own : Machines;
    }

    private XElement? ArchElement => GetChild("arch");
}
