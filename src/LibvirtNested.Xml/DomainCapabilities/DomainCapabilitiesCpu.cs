using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.DomainCapabilities;

/// <summary><c>/domainCapabilities/cpu</c>: which CPU modes a guest may use, and the models of the custom mode.</summary>
public sealed class DomainCapabilitiesCpu : XmlView
{
    // Views handed out before; see ViewCache for why a cached view never outlives its element.
    private ViewList<DomainCapabilitiesCpuMode>? cachedModes;

    internal DomainCapabilitiesCpu(XElement element)
        : base(element)
    {
    }

    /// <summary><c>/domainCapabilities/cpu/mode</c>: host-passthrough, maximum, host-model, custom.</summary>
    public IReadOnlyList<DomainCapabilitiesCpuMode> Modes => ViewCache.Children(ref cachedModes, Element, "mode", static e => new DomainCapabilitiesCpuMode(e));

    /// <summary>The <c>host-model</c> mode: the model, vendor and features libvirt would expand it to.</summary>
    public DomainCapabilitiesCpuMode? HostModel => FindMode("host-model");

    /// <summary>The <c>custom</c> mode: the named models and whether each is usable on this host.</summary>
    public DomainCapabilitiesCpuMode? Custom => FindMode("custom");

    /// <summary>The mode named <paramref name="name"/>.</summary>
    /// <param name="name"><c>host-passthrough</c>, <c>host-model</c>, <c>maximum</c> or <c>custom</c>.</param>
    /// <returns>The mode, or <see langword="null"/> when not reported.</returns>
    public DomainCapabilitiesCpuMode? FindMode(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Modes.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));
    }

    /// <summary>
    /// Is the CPU mode reported with <c>supported='yes'</c>? <c>IsModeSupported("host-passthrough")</c> is what a
    /// nested (L1) guest needs.
    /// </summary>
    /// <param name="mode"><c>host-passthrough</c>, <c>host-model</c>, <c>maximum</c> or <c>custom</c>.</param>
    /// <returns><see langword="false"/> also when the mode is not reported.</returns>
    /// <exception cref="LibvirtXmlValueException">The <c>supported</c> attribute is not yes/no.</exception>
    public bool IsModeSupported(string mode) => FindMode(mode) is { Supported: true };
}
