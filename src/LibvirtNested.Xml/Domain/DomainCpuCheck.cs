namespace LibvirtNested.Xml.Domain;

/// <summary>
/// <c>/domain/cpu/@check</c>: how libvirt checks that the CPU the hypervisor creates matches the definition (since libvirt 3.2.0).
/// Values this library does not know round-trip unchanged.
/// </summary>
/// <param name="Value">The value exactly as written in the XML.</param>
public readonly record struct DomainCpuCheck(string Value)
{
    /// <summary><c>none</c>: no check by libvirt; the hypervisor decides.</summary>
    public static DomainCpuCheck None { get; } = new("none");

    /// <summary><c>partial</c>: libvirt checks the definition before starting the guest.</summary>
    public static DomainCpuCheck Partial { get; } = new("partial");

    /// <summary><c>full</c>: the created virtual CPU is checked against the definition; the guest does not start when they differ.</summary>
    public static DomainCpuCheck Full { get; } = new("full");

    /// <summary>The value as written in the XML.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value ?? string.Empty;
}
