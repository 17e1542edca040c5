namespace LibvirtNested;

/// <summary>
/// The guest refused or failed to release a device being detached (<c>VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED</c>,
/// <c>virConnectDomainEventDeviceRemovalFailedCallback</c>); the device is still attached.
/// </summary>
public sealed record DomainDeviceRemovalFailedEvent : DomainEvent
{
    /// <summary>The device's alias, as in its <c>&lt;alias name='…'/&gt;</c> (<c>devAlias</c>).</summary>
    public required string DeviceAlias { get; init; }
}
