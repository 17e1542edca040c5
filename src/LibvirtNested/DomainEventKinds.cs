namespace LibvirtNested;

/// <summary>
/// Which domain events a subscription receives (<see cref="LibvirtConnection.WatchDomainEventsAsync(DomainEventKinds, string?, CancellationToken)"/>);
/// each kind is one <c>virConnectDomainEventRegisterAny</c> event ID and one event record. Combine them with <c>|</c>.
/// </summary>
[Flags]
public enum DomainEventKinds
{
    /// <summary>No event; refused by the subscribe methods.</summary>
    None = 0,

    /// <summary><c>VIR_DOMAIN_EVENT_ID_LIFECYCLE</c>: <see cref="DomainLifecycleEvent"/>.</summary>
    Lifecycle = 1 << 0,

    /// <summary><c>VIR_DOMAIN_EVENT_ID_REBOOT</c>: <see cref="DomainRebootEvent"/>.</summary>
    Reboot = 1 << 1,

    /// <summary><c>VIR_DOMAIN_EVENT_ID_DEVICE_ADDED</c>: <see cref="DomainDeviceAddedEvent"/>.</summary>
    DeviceAdded = 1 << 2,

    /// <summary><c>VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED</c>: <see cref="DomainDeviceRemovedEvent"/>.</summary>
    DeviceRemoved = 1 << 3,

    /// <summary><c>VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED</c>: <see cref="DomainDeviceRemovalFailedEvent"/>.</summary>
    DeviceRemovalFailed = 1 << 4,

    /// <summary><c>VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE</c>: <see cref="DomainAgentLifecycleEvent"/>.</summary>
    AgentLifecycle = 1 << 5,

    /// <summary><c>VIR_DOMAIN_EVENT_ID_METADATA_CHANGE</c>: <see cref="DomainMetadataChangeEvent"/>.</summary>
    MetadataChange = 1 << 6,

    /// <summary><c>VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2</c>: <see cref="DomainBlockJobEvent"/>.</summary>
    BlockJob = 1 << 7,

    /// <summary>Every kind above.</summary>
    All = Lifecycle | Reboot | DeviceAdded | DeviceRemoved | DeviceRemovalFailed | AgentLifecycle | MetadataChange | BlockJob,
}
