using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.DomainCapabilities;

/// <summary><c>/domainCapabilities/cpu/mode</c>: one CPU mode, whether it is supported, and what it contains.</summary>
public sealed class DomainCapabilitiesCpuMode : XmlView
{
    // Views handed out before; see ViewCache for why a cached view never outlives its element.
    private ViewList<DomainCapabilitiesCpuModel>? cachedModels;
    private ViewList<DomainCapabilitiesCpuFeature>? cachedFeatures;

    internal DomainCapabilitiesCpuMode(XElement element)
        : base(element)
    {
    }

    /// <summary><c>@name</c>: <c>host-passthrough</c>, <c>maximum</c>, <c>host-model</c> or <c>custom</c>.</summary>
    public string? Name => GetAttribute("name");

    /// <summary><c>@supported</c>; <see langword="false"/> when absent.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not yes/no (on read).</exception>
    public bool Supported => GetBooleanAttribute("supported") ?? false;

    /// <summary><c>model</c> children: for <c>custom</c>, every named model; for <c>host-model</c>, the one it expands to.</summary>
    public IReadOnlyList<DomainCapabilitiesCpuModel> Models => ViewCache.Children(ref cachedModels, Element, "model", static e => new DomainCapabilitiesCpuModel(e));

    /// <summary>The first <c>model</c>'s name: for <c>host-model</c>, the model libvirt expands it to.</summary>
    public string? Model => GetChildText("model");

    /// <summary><c>vendor</c>: for <c>host-model</c>, the host CPU vendor.</summary>
    public string? Vendor => GetChildText("vendor");

    /// <summary><c>feature</c> children: for <c>host-model</c>, the features added to or removed from the model.</summary>
    public IReadOnlyList<DomainCapabilitiesCpuFeature> Features => ViewCache.Children(ref cachedFeatures, Element, "feature", static e => new DomainCapabilitiesCpuFeature(e));

    /// <summary>The values of <c>enum[@name=<paramref name="name"/>]</c>, e.g. <c>hostPassthroughMigratable</c>.</summary>
    /// <param name="name">The enum name.</param>
    /// <returns>The values; empty when absent.</returns>
    public IReadOnlyList<string> GetEnum(string name) => DomainCapabilitiesEnums.Read(Element, name);

    /// <summary>The custom model named <paramref name="name"/>.</summary>
    /// <param name="name">A CPU model such as <c>Skylake-Client</c>.</param>
    /// <returns>The model or <see langword="null"/>.</returns>
    public DomainCapabilitiesCpuModel? FindModel(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Models.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));
    }
}
