namespace LibvirtNested;

/// <summary>A device was hot-plugged and the guest accepted it (<c>VIR_DOMAIN_EVENT_ID_DEVICE_ADDED</c>, <c>virConnectDomainEventDeviceAddedCallback</c>).</summary>
public sealed record DomainDeviceAddedEvent : DomainEvent
{
    /// <summary>The device's alias, as in its <c>&lt;alias name='…'/&gt;</c> (<c>devAlias</c>).</summary>
    public required string DeviceAlias { get; init; }
}
