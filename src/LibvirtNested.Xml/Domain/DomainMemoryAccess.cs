namespace LibvirtNested.Xml.Domain;

/// <summary>
/// <c>memAccess</c> of a guest NUMA cell (<c>/domain/cpu/numa/cell/@memAccess</c>): how its memory is mapped (hugepage-backed memory and nvdimm only).
/// Values this library does not know round-trip unchanged.
/// </summary>
/// <param name="Value">The value exactly as written in the XML.</param>
public readonly record struct DomainMemoryAccess(string Value)
{
    /// <summary><c>shared</c>: the memory is mapped shared, for example for vhost-user.</summary>
    public static DomainMemoryAccess Shared { get; } = new("shared");

    /// <summary><c>private</c>: the memory is mapped private.</summary>
    public static DomainMemoryAccess Private { get; } = new("private");

    /// <summary>The value as written in the XML.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value ?? string.Empty;
}
