using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Capabilities;

/// <content>The typed elements of <c>&lt;capabilities&gt;</c>.</content>
public sealed partial class CapabilitiesXml
{
    // Views handed out before; see ViewCache for why a cached view never outlives its element.
    private CapabilitiesHost? cachedHost;
    private ViewList<CapabilitiesGuest>? cachedGuests;

    /// <summary><c>/capabilities/host</c>: the physical host (CPU, NUMA topology, migration, security models).</summary>
    public CapabilitiesHost? Host => ViewCache.Child(ref cachedHost, GetChild("host"), static e => new CapabilitiesHost(e));

    /// <summary><c>/capabilities/guest</c>: one entry per guest OS type and architecture the host can run.</summary>
    public IReadOnlyList<CapabilitiesGuest> Guests => ViewCache.Children(ref cachedGuests, Element, "guest", static e => new CapabilitiesGuest(e));

    /// <summary>The guest entry for an OS type and architecture, such as (<c>hvm</c>, <c>x86_64</c>).</summary>
    /// <param name="osType"><c>/capabilities/guest/os_type</c>: <c>hvm</c>, <c>xen</c>, <c>exe</c>, …</param>
    /// <param name="arch"><c>/capabilities/guest/arch/@name</c>: <c>x86_64</c>, <c>i686</c>, <c>aarch64</c>, …</param>
    /// <returns>The first matching guest, or <see langword="null"/>.</returns>
    public CapabilitiesGuest? FindGuest(string osType, string arch)
    {
        ArgumentNullException.ThrowIfNull(osType);
        ArgumentNullException.ThrowIfNull(arch);
        return Guests.FirstOrDefault(g => string.Equals(g.OsType, osType, StringComparison.Ordinal) && string.Equals(g.Arch, arch, StringComparison.Ordinal));
    }

    /// <summary>
    /// Can the host run guests of <paramref name="arch"/> with this domain type (<c>/capabilities/guest/arch/domain/@type</c>)?
    /// <c>SupportsDomainType("x86_64", "kvm")</c> is the check that <c>/dev/kvm</c> works for libvirt.
    /// </summary>
    /// <param name="arch">The guest architecture, such as <c>x86_64</c>.</param>
    /// <param name="domainType">The domain type, such as <c>kvm</c> or <c>qemu</c>.</param>
    /// <returns>Whether any guest entry of that architecture lists the domain type.</returns>
    public bool SupportsDomainType(string arch, string domainType)
    {
        ArgumentNullException.ThrowIfNull(arch);
        ArgumentNullException.ThrowIfNull(domainType);
        return Guests.Any(g => string.Equals(g.Arch, arch, StringComparison.Ordinal) && g.FindDomain(domainType) is not null);
    }
}
