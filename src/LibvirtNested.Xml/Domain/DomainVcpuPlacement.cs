namespace LibvirtNested.Xml.Domain;

/// <summary><c>/domain/vcpu/@placement</c>: where the vCPUs run by default. Unknown values round-trip unchanged.</summary>
/// <param name="Value">The attribute value as libvirt writes it.</param>
public readonly record struct DomainVcpuPlacement(string Value)
{
    /// <summary><c>static</c>: on the host CPUs of <c>cpuset</c>, or all of them.</summary>
    public static DomainVcpuPlacement Static { get; } = new("static");

    /// <summary><c>auto</c>: on the NUMA nodes numad advises.</summary>
    public static DomainVcpuPlacement Auto { get; } = new("auto");

    /// <summary>The attribute value.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}
