namespace LibvirtNested.Xml.Domain;

/// <summary>
/// <c>/domain/cpu/@mode</c>: how the guest CPU relates to the host CPU (formatdomain.html, "CPU model and topology"). A missing attribute means <see cref="Custom"/>.
/// Values this library does not know round-trip unchanged.
/// </summary>
/// <param name="Value">The value exactly as written in the XML.</param>
public readonly record struct DomainCpuMode(string Value)
{
    /// <summary><c>custom</c>: the guest sees the CPU described by <c>&lt;model&gt;</c> and <c>&lt;feature&gt;</c>, the same on every host.</summary>
    public static DomainCpuMode Custom { get; } = new("custom");

    /// <summary><c>host-model</c>: libvirt copies the host CPU model (from domain capabilities) into the definition when the guest starts.</summary>
    public static DomainCpuMode HostModel { get; } = new("host-model");

    /// <summary><c>host-passthrough</c>: the guest sees the host CPU as it is, including virtualization extensions (vmx/svm): what nested virtualization needs.</summary>
    public static DomainCpuMode HostPassthrough { get; } = new("host-passthrough");

    /// <summary><c>maximum</c>: the most capable CPU the hypervisor can give (like host-passthrough under KVM; since libvirt 7.1.0).</summary>
    public static DomainCpuMode Maximum { get; } = new("maximum");

    /// <summary>The value as written in the XML.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value ?? string.Empty;
}
