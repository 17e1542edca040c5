namespace LibvirtNested;

/// <summary>One domain's state at the moment a <see cref="ReconnectedEvent"/> was prepared (<c>virConnectListAllDomains</c> + <c>virDomainGetState</c>).</summary>
public sealed record DomainStateSnapshot
{
    /// <summary>The domain's name (<c>virDomainGetName</c>).</summary>
    public required string DomainName { get; init; }

    /// <summary>The domain's UUID, canonical text form (<c>virDomainGetUUIDString</c>), as in <see cref="DomainEvent.DomainUuid"/>.</summary>
    public required string DomainUuid { get; init; }

    /// <summary>Its state and the reason (<c>virDomainGetState</c>).</summary>
    public required DomainStateInfo State { get; init; }
}
