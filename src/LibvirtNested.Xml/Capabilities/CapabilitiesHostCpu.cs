using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Capabilities;

/// <summary><c>/capabilities/host/cpu</c>: the host CPU's architecture, model, vendor, topology and feature flags.</summary>
public sealed class CapabilitiesHostCpu : XmlView
{
    // Views handed out before; see ViewCache for why a cached view never outlives its element.
    private CapabilitiesCpuTopology? cachedTopology;
    private ViewList<CapabilitiesCpuCounter>? cachedCounters;

    internal CapabilitiesHostCpu(XElement element)
        : base(element)
    {
    }

    /// <summary><c>/capabilities/host/cpu/arch</c>, such as <c>x86_64</c>.</summary>
    public string? Arch => GetChildText("arch");

    /// <summary><c>/capabilities/host/cpu/model</c>: the closest named CPU model, such as <c>Skylake-Client-IBRS</c>.</summary>
    public string? Model => GetChildText("model");

    /// <summary><c>/capabilities/host/cpu/vendor</c>, such as <c>Intel</c> or <c>AMD</c>.</summary>
    public string? Vendor => GetChildText("vendor");

    /// <summary><c>/capabilities/host/cpu/microcode/@version</c>.</summary>
    /// <exception cref="LibvirtXmlValueException">The attribute is not a number (on read).</exception>
    public ulong? MicrocodeVersion => GetChild("microcode") is { } microcode ? XmlValues.ParseUInt64(microcode, "version") : null;

    /// <summary><c>/capabilities/host/cpu/topology</c>; <see langword="null"/> when absent.</summary>
    public CapabilitiesCpuTopology? Topology => ViewCache.Child(ref cachedTopology, GetChild("topology"), static e => new CapabilitiesCpuTopology(e));

    /// <summary><c>/capabilities/host/cpu/counter</c>: timers such as <c>tsc</c> with their frequency.</summary>
    public IReadOnlyList<CapabilitiesCpuCounter> Counters => ViewCache.Children(ref cachedCounters, Element, "counter", static e => new CapabilitiesCpuCounter(e));

    /// <summary>
    /// <c>/capabilities/host/cpu/feature/@name</c>: the CPU flags beyond the model's own, as libvirt names them
    /// (<c>vmx</c>, <c>svm</c>, <c>avx2</c>, …).
    /// </summary>
    public IReadOnlyList<string> Features => Element.Elements("feature").Select(f => f.Attribute("name")?.Value).OfType<string>().ToList();

    /// <summary>The page sizes the host supports, in bytes (<c>/capabilities/host/cpu/pages/@size</c> with <c>@unit</c>).</summary>
    /// <exception cref="LibvirtXmlValueException">A size or unit is malformed (on read).</exception>
    public IReadOnlyList<ulong> PageSizes => Element.Elements("pages").Select(PageSize).ToList();

    /// <summary>
    /// The hardware virtualization extension the host CPU exposes: <c>vmx</c> (Intel VT-x), <c>svm</c> (AMD-V), or
    /// <see langword="null"/> when neither flag is listed — then guests of this host cannot run KVM themselves
    /// (no nesting), whatever the kvm module parameters say.
    /// </summary>
    public string? VirtualizationExtension => HasFeature("vmx") ? "vmx" : HasFeature("svm") ? "svm" : null;

    /// <summary>Does the host CPU list <c>vmx</c> or <c>svm</c>? See <see cref="VirtualizationExtension"/>.</summary>
    public bool HasHardwareVirtualization => VirtualizationExtension is not null;

    /// <summary>Is the flag listed in <c>/capabilities/host/cpu/feature/@name</c>?</summary>
    /// <param name="name">A libvirt CPU feature name (case-sensitive, as libvirt writes it).</param>
    /// <returns>Whether it is listed.</returns>
    public bool HasFeature(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Element.Elements("feature").Any(f => string.Equals(f.Attribute("name")?.Value, name, StringComparison.Ordinal));
    }

    private static ulong PageSize(XElement pages)
    {
        var size = XmlValues.ParseUInt64(pages, "size") ?? throw XmlValues.Error(pages, "size", string.Empty, "a page size");
        var unit = pages.Attribute("unit")?.Value ?? "KiB";
        var multiplier = DataSize.Multiplier(unit) ?? throw XmlValues.Error(pages, "unit", unit, "a libvirt unit such as KiB");
        return size <= ulong.MaxValue / multiplier ? size * multiplier : throw XmlValues.Error(pages, "size", pages.Attribute("size")!.Value, "a page size below 16 EiB");
    }
}
