namespace LibvirtNested;

/// <summary>
/// A device was removed from the running domain (<c>VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED</c>,
/// <c>virConnectDomainEventDeviceRemovedCallback</c>): the completion of an asynchronous detach.
/// </summary>
public sealed record DomainDeviceRemovedEvent : DomainEvent
{
    /// <summary>The device's alias, as in its <c>&lt;alias name='…'/&gt;</c> (<c>devAlias</c>).</summary>
    public required string DeviceAlias { get; init; }
}
