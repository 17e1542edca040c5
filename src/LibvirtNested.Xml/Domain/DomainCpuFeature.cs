using System.Xml.Linq;

namespace LibvirtNested.Xml.Domain;

/// <summary>
/// One <c>/domain/cpu/feature</c> element, such as <c>&lt;feature policy='require' name='vmx'/&gt;</c>: a CPU flag
/// the guest must, may or must not see. Use <see cref="DomainCpu.SetFeature"/> to add one.
/// </summary>
public sealed class DomainCpuFeature : XmlView
{
    internal DomainCpuFeature(XElement element)
        : base(element)
    {
    }

    /// <summary><c>@name</c>: the feature's name in libvirt's cpu_map, such as <c>vmx</c>, <c>svm</c>, <c>arch-capabilities</c>.</summary>
    public string? Name
    {
        get => GetAttribute("name");
        set => SetAttribute("name", value);
    }

    /// <summary><c>@policy</c>; <see langword="null"/> when absent, which libvirt reads as <see cref="DomainCpuFeaturePolicy.Require"/>.</summary>
    public DomainCpuFeaturePolicy? Policy
    {
        get => GetAttribute("policy") is { } value ? new DomainCpuFeaturePolicy(value) : null;
        set => SetAttribute("policy", value?.Value);
    }
}
