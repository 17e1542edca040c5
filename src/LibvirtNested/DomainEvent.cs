namespace LibvirtNested;

/// <summary>
/// An event about one domain, registered with <c>virConnectDomainEventRegisterAny</c>; libvirt lends the
/// callback a <c>virDomainPtr</c>, whose name and UUID are copied here.
/// </summary>
public abstract record DomainEvent : LibvirtEvent
{
    /// <summary>The domain's name (<c>virDomainGetName</c>).</summary>
    public required string DomainName { get; init; }

    /// <summary>The domain's UUID, canonical text form (<c>virDomainGetUUIDString</c>).</summary>
    public required string DomainUuid { get; init; }
}
