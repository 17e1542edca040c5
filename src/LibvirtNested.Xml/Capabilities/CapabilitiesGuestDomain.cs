using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Capabilities;

/// <summary><c>/capabilities/guest/arch/domain</c>: a domain type (hypervisor) that can run the guest architecture.</summary>
public sealed class CapabilitiesGuestDomain : XmlView
{
    // Views handed out before; see ViewCache for why a cached view never outlives its element.
    private ViewList<CapabilitiesMachine>? cachedMachines;

    internal CapabilitiesGuestDomain(XElement element)
        : base(element)
    {
    }

    /// <summary><c>@type</c>: <c>kvm</c> (hardware accelerated), <c>qemu</c> (TCG emulation), <c>xen</c>, <c>lxc</c>, …</summary>
    public string? Type => GetAttribute("type");

    /// <summary><c>emulator</c> specific to this domain type; <see langword="null"/> when it is the architecture's.</summary>
    public string? Emulator => GetChildText("emulator");

    /// <summary><c>machine</c> types specific to this domain type; empty when they are the architecture's.</summary>
    public IReadOnlyList<CapabilitiesMachine> Machines => ViewCache.Children(ref cachedMachines, Element, "machine", static e => new CapabilitiesMachine(e));
}
