namespace LibvirtNested.Xml.Domain;

/// <summary>
/// <c>/domain/cpu/feature/@policy</c>: what a <c>&lt;feature&gt;</c> element asks for. libvirt assumes <see cref="Require"/> when absent.
/// Values this library does not know round-trip unchanged.
/// </summary>
/// <param name="Value">The value exactly as written in the XML.</param>
public readonly record struct DomainCpuFeaturePolicy(string Value)
{
    /// <summary><c>force</c>: the guest sees the feature whether or not the host CPU has it.</summary>
    public static DomainCpuFeaturePolicy Force { get; } = new("force");

    /// <summary><c>require</c>: the guest does not start unless the host has the feature or the hypervisor can emulate it.</summary>
    public static DomainCpuFeaturePolicy Require { get; } = new("require");

    /// <summary><c>optional</c>: the guest sees the feature if and only if the host CPU has it.</summary>
    public static DomainCpuFeaturePolicy Optional { get; } = new("optional");

    /// <summary><c>disable</c>: the guest does not see the feature.</summary>
    public static DomainCpuFeaturePolicy Disable { get; } = new("disable");

    /// <summary><c>forbid</c>: the guest does not start if the host CPU has the feature.</summary>
    public static DomainCpuFeaturePolicy Forbid { get; } = new("forbid");

    /// <summary>The value as written in the XML.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value ?? string.Empty;
}
